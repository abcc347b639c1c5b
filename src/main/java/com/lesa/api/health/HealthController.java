package com.lesa.api.health;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.lesa.api.config.ServiceSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/health} for load balancers, and {@code GET /status}, its legacy alias marked deprecated. Neither
 * calls LiveKit: a LiveKit outage must not take the token service out of rotation.
 */
@RestController
@Tag(name = "Health")
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

	@Operation(summary = "Health for load balancers", description = "Never calls LiveKit.")
	@GetMapping(path = "/api/v1/health", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<HealthResponse> health() {
		return ResponseEntity.ok().body(current());
	}

	@Operation(summary = "Legacy health alias", deprecated = true,
			description = "Same body as /api/v1/health, with Deprecation and a successor Link header.")
	@GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<HealthResponse> status() {
		return ResponseEntity.ok()
			.header("Deprecation", DEPRECATED_SINCE)
			.header(HttpHeaders.LINK, SUCCESSOR_LINK)
			.body(current());
	}

	private HealthResponse current() {
		return new HealthResponse("healthy", "lesa-token-api", this.version, this.environment,
				Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS).toString());
	}

}
