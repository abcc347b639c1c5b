package com.lesa.api.health;

import java.time.Duration;
import java.time.Instant;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ServiceTest
class HealthIntegrationTests {

	@Autowired
	private HttpTestClient http;

	@Autowired
	private Environment environment;

	@Test
	void healthThenHealthyWithVersionEnvironmentAndTime() {
		Response response = this.http.get("/api/v1/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("Deprecation")).isNull();
		JsonNode body = response.json();
		assertThat(body.path("status").asString()).isEqualTo("healthy");
		assertThat(body.path("service").asString()).isEqualTo("lesa-token-api");
		assertThat(body.path("version").asString()).isNotBlank().isNotEqualTo("unknown");
		assertThat(body.path("environment").asString()).isEqualTo("development");
		assertThat(Instant.parse(body.path("timestamp").asString())).isCloseTo(Instant.now(),
				within(Duration.ofSeconds(30).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
	}

	@Test
	void statusThenSameBodyMarkedDeprecatedWithSuccessorLink() {
		Response status = this.http.get("/status");
		Response health = this.http.get("/api/v1/health");

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.header("Deprecation")).matches("@\\d+");
		assertThat(status.header("Link")).isEqualTo("</api/v1/health>; rel=\"successor-version\"");
		JsonNode legacy = status.json();
		JsonNode current = health.json();
		for (String field : new String[] { "status", "service", "version", "environment" }) {
			assertThat(legacy.path(field)).as(field).isEqualTo(current.path(field));
		}
		assertThat(legacy.has("timestamp")).isTrue();
	}

	@Test
	void healthWhenLivekitUnreachableThenStillHealthy() {
		// LIVEKIT_URL points at the discard port: nothing listens there, and health must not care.
		assertThat(this.http.get("/api/v1/health").json().path("status").asString()).isEqualTo("healthy");
	}

	@Test
	void actuatorIsOnTheManagementPortWithProbesInfoAndPrometheusOnly() {
		HttpTestClient management = new HttpTestClient(
				this.environment.getRequiredProperty("local.management.port", Integer.class));

		assertThat(management.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
		assertThat(management.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
		JsonNode info = management.get("/actuator/info").json();
		assertThat(info.path("build").path("version").asString()).isNotBlank();
		assertThat(info.path("git").path("commit").path("id").asString()).isNotBlank();
		assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
		for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/loggers" }) {
			assertThat(management.get(hidden).status()).as(hidden).isEqualTo(404);
		}
		assertThat(this.http.get("/actuator/health").status()).as("not on the public port").isEqualTo(404);
		assertThat(this.http.get("/actuator/prometheus").status()).as("not on the public port").isEqualTo(404);
	}

	@Test
	void livekitReachabilityIsReportedButNeverFailsLivenessOrReadiness() {
		HttpTestClient management = new HttpTestClient(
				this.environment.getRequiredProperty("local.management.port", Integer.class));

		// Nothing listens on this test's LIVEKIT_URL.
		JsonNode livekit = management.get("/actuator/health/livekit").json();
		assertThat(livekit.path("status").asString()).isEqualTo("DOWN");
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
	}

}
