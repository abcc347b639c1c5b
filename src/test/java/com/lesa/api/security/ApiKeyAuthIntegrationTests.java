package com.lesa.api.security;

import java.net.URI;
import java.net.http.HttpRequest;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code AUTH_MODE=api_key} over real HTTP. */
@ServiceTest
class ApiKeyAuthIntegrationTests {

	static final String KEY = "backend-key-0123456789";

	@Autowired
	private HttpTestClient http;

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void apiKeys(DynamicPropertyRegistry registry) {
		registry.add("AUTH_MODE", () -> "api_key");
		registry.add("AUTH_API_KEY_HASHES",
				() -> ApiKeysTests.sha256Hex("another-key") + "," + ApiKeysTests.sha256Hex(KEY));
		registry.add("CORS_ALLOW_ORIGINS", () -> "https://app.example.com");
	}

	@Test
	void rightKeyInBearerOrXApiKeyHeaderGetsAToken() {
		assertThat(this.http.send(token().header("Authorization", "Bearer " + KEY)).status()).isEqualTo(200);
		assertThat(this.http.send(token().header("X-API-Key", KEY)).status()).isEqualTo(200);
	}

	@Test
	void wrongOrMissingKeyIs401WithWwwAuthenticateAndNoDetail() {
		for (Response response : new Response[] { this.http.send(token().header("Authorization", "Bearer wrong")),
				this.http.send(token().header("X-API-Key", "wrong")), this.http.send(token()),
				this.http.send(token().header("Authorization", "Basic " + KEY)) }) {
			assertProblem(response, 401, "unauthenticated");
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(response.body()).doesNotContainIgnoringCase("key").doesNotContain("hash");
		}
	}

	@Test
	void noAnswerStartsASession() {
		// Stateless without Spring Security's session management: nothing creates a session, so no cookie is set.
		for (Response response : new Response[] { this.http.send(token().header("X-API-Key", KEY)),
				this.http.send(token().header("X-API-Key", "wrong")), this.http.get("/api/v1/health"),
				this.http.send(token().header("X-API-Key", KEY).header("Cookie", "JSESSIONID=0123456789ABCDEF")) }) {
			assertThat(response.status()).isIn(200, 401);
			assertThat(response.header("Set-Cookie")).isNull();
		}
	}

	@Test
	void keyInTheQueryStringIsIgnored() {
		Response response = this.http.send(HttpRequest
			.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token?api_key=" + KEY + "&access_token=" + KEY))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"r\",\"identity\":\"u\"}")));

		assertProblem(response, 401, "unauthenticated");
	}

	@Test
	void dispatchEndpointsNeedTheKeyToo() {
		assertProblem(this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"r\"}"), 401, "unauthenticated");
		assertProblem(this.http.get("/api/v1/agent/dispatch?room=r"), 401, "unauthenticated");
	}

	@Test
	void healthStatusProbesAndPreflightNeedNoCredentials() {
		assertThat(this.http.get("/api/v1/health").status()).isEqualTo(200);
		assertThat(this.http.get("/status").status()).isEqualTo(200);
		HttpTestClient management = new HttpTestClient(
				this.environment.getRequiredProperty("local.management.port", Integer.class));
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
		Response preflight = this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type"));
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
		assertThat(this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/health"))
			.header("Authorization", "Bearer stale")).status()).as("a stale credential on a public path").isEqualTo(200);
	}

	private HttpRequest.Builder token() {
		return HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"r\",\"identity\":\"u\"}"));
	}

}
