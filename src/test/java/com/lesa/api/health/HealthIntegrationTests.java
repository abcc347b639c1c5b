package com.lesa.api.health;

import java.time.Duration;
import java.time.Instant;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ServiceTest
class HealthIntegrationTests {

	@Autowired
	private HttpTestClient http;

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
	void actuatorProbesAreOnAndOnlyHealthAndInfoExposed() {
		assertThat(this.http.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/info").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/env").status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/beans").status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/configprops").status()).isEqualTo(404);
	}

}
