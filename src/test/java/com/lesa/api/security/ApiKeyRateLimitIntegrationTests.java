package com.lesa.api.security;

import java.net.URI;
import java.net.http.HttpRequest;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** With callers authenticated, each has its own bucket, whatever address it calls from. */
@ServiceTest
class ApiKeyRateLimitIntegrationTests {

	@Autowired
	private HttpTestClient http;

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("AUTH_MODE", () -> "api_key");
		registry.add("AUTH_API_KEY_HASHES",
				() -> ApiKeysTests.sha256Hex("caller-a-key") + "," + ApiKeysTests.sha256Hex("caller-b-key") + ","
						+ ApiKeysTests.sha256Hex("caller-c-key"));
		registry.add("RATE_LIMIT_TOKENS_PER_MINUTE", () -> "2");
	}

	@Test
	void bucketsArePerCaller() {
		assertThat(token("caller-a-key")).isEqualTo(200);
		assertThat(token("caller-a-key")).isEqualTo(200);
		assertProblem(this.http.send(request("caller-a-key")), 429, "rate-limited");

		assertThat(token("caller-b-key")).as("caller B has its own budget").isEqualTo(200);
	}

	@Test
	void refusalsByAuthAndRateLimitsAreCountedInTheMetrics() {
		this.http.send(request("not-a-key"));
		for (int i = 0; i < 3; i++) {
			this.http.send(request("caller-c-key"));
		}

		String metrics = new HttpTestClient(
				this.environment.getRequiredProperty("local.management.port", Integer.class))
			.get("/actuator/prometheus")
			.body();
		assertThat(metrics).containsPattern("lesa_http_refused_total\\{application=\"lesa-token-api\",reason=\"auth\"} [1-9]")
			.containsPattern("lesa_http_refused_total\\{application=\"lesa-token-api\",reason=\"rate_limit\"} [1-9]");
	}

	private int token(String key) {
		return this.http.send(request(key)).status();
	}

	private HttpRequest.Builder request(String key) {
		return HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("X-API-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"r\",\"identity\":\"u\"}"));
	}

}
