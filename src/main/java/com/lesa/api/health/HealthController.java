package com.lesa.api.health;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.lesa.api.config.ServiceSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/health} for load balancers, and {@code GET /status}, its legacy alias marked deprecated. Neither
 * calls LiveKit: a LiveKit outage must not take the token service out of rotation.
 */
@RestController
class HealthController {

	/** RFC 9745 {@code Deprecation}: deprecated since 2026-12-01T00:00:00Z, when the Java service replaced it. */
	static final String DEPRECATED_SINCE = "@1796083200";

	static final String SUCCESSOR_LINK = "</api/v1/health>; rel=\"successor-version\"";

	private final String version;

	private final String environment;

	private final Clock clock;

	HealthController(ObjectProvider<BuildProperties> build, ServiceSettings service, Clock clock) {
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null && properties.getVersion() != null) ? properties.getVersion() : "unknown";
		this.environment = service.environment().toString();
		this.clock = clock;
	}

	@GetMapping("/api/v1/health")
	ResponseEntity<HealthResponse> health() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(current());
	}

	@GetMapping("/status")
	ResponseEntity<HealthResponse> status() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Deprecation", DEPRECATED_SINCE)
			.header(HttpHeaders.LINK, SUCCESSOR_LINK)
			.body(current());
	}

	private HealthResponse current() {
		return new HealthResponse("healthy", "lesa-token-api", this.version, this.environment,
				Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS).toString());
	}

}
