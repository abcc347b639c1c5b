package com.lesa.api.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.RawHttp;
import com.lesa.api.support.RawHttp.Answer;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP edge over real HTTP: trusted hosts, CORS, security headers, request ids. */
@ServiceTest
@Import(EdgeIntegrationTests.FailingEndpoint.class)
class EdgeIntegrationTests {

	static final String ALLOWED_ORIGIN = "https://app.example.com";

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	private static final Map<String, String> SECURITY_HEADERS = Map.of("X-Content-Type-Options", "nosniff",
			"X-Frame-Options", "DENY", "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
			"Referrer-Policy", "no-referrer", "Cross-Origin-Opener-Policy", "same-origin",
			"Cross-Origin-Resource-Policy", "same-origin", "Permissions-Policy", SecurityHeadersFilter.PERMISSIONS_POLICY,
			"Cache-Control", "no-store", "Pragma", "no-cache");

	@Autowired
	private HttpTestClient http;

	@Autowired
	private org.springframework.core.env.Environment environment;

	@DynamicPropertySource
	static void edge(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("TRUSTED_HOSTS", () -> "127.0.0.1,api.example.com,*.example.org,[::1]");
		registry.add("CORS_ALLOW_ORIGINS", () -> ALLOWED_ORIGIN + ",https://*.partner.example");
		registry.add("CORS_ALLOW_CREDENTIALS", () -> "true");
		registry.add("FORWARD_HEADERS_STRATEGY", () -> "native");
	}


	@ParameterizedTest(name = "Host: {0}")
	@ValueSource(strings = { "api.example.com", "API.EXAMPLE.COM", "api.example.com:8443", "api.example.com.",
			"eu.example.org", "a.b.example.org:443", "127.0.0.1", "[::1]:8000" })
	void trustedHostsAreServed(String host) {
		Answer answer = RawHttp.get(port(), "/api/v1/health", "Host: " + host);

		assertThat(answer.status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "Host: [{0}]")
	@ValueSource(strings = { "example.org", "evil.com", "api.example.com.evil.com", "10.0.0.5", "bad host",
			"bad!host", "api.example.com:99999", "api.example.com:80x", "" })
	void untrustedOrMalformedHostsGet400Problem(String host) {
		Answer answer = RawHttp.get(port(), "/api/v1/health", "Host: " + host);

		assertInvalidHost(answer);
	}

	@Test
	void missingOrRepeatedHostGets400Problem() {
		assertInvalidHost(RawHttp.get(port(), "/api/v1/health"));
		assertInvalidHost(RawHttp.get(port(), "/api/v1/health", "Host: api.example.com", "Host: evil.com"));
	}

	@Test
	void untrustedHostIsRefusedBeforeAnyOtherWork() {
		Answer answer = RawHttp.send(port(),
				"POST /api/v1/agent/dispatch HTTP/1.1\r\nHost: evil.com\r\nContent-Type: application/json",
				"{\"room\":\"host-check\"}");

		assertInvalidHost(answer);
		assertThat(livekit.creates("host-check")).isZero();
	}

	@Test
	void probesAnswerWhateverTheHostOnTheManagementPortAndTheActuatorIsNotOnThePublicPort() {
		int management = this.environment.getRequiredProperty("local.management.port", Integer.class);
		assertThat(RawHttp.get(management, "/actuator/health/liveness", "Host: 10.0.0.5:8081").status()).isEqualTo(200);
		assertThat(RawHttp.get(management, "/actuator/health/readiness", "Host: 10.0.0.5:8081").status())
			.isEqualTo(200);
		assertInvalidHost(RawHttp.get(port(), "/actuator/health/readiness", "Host: 10.0.0.5:8000"));
		assertThat(RawHttp.get(port(), "/actuator/health", "Host: api.example.com").status()).isEqualTo(404);
	}

	@Test
	void preflightFromAllowedOriginThenAllowedMethodAndHeadersWithCredentials() {
		Response response = preflight(ALLOWED_ORIGIN, "POST", "authorization,content-type");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
			.containsIgnoringCase("content-type");
		assertThat(preflight("https://eu.partner.example", "POST", "content-type").header("Access-Control-Allow-Origin"))
			.isEqualTo("https://eu.partner.example");
	}

	@Test
	void preflightFromDisallowedOriginThen403Problem() {
		Response response = preflight("https://evil.example", "POST", "content-type");

		assertProblem(response, 403, "cors-origin-refused");
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void simpleRequestFromAllowedOriginCarriesCorsHeadersAndFromAnotherOriginIsRefused() {
		Response allowed = this.http.send(tokenRequest().header("Origin", ALLOWED_ORIGIN));
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(allowed.header("Access-Control-Expose-Headers")).contains("X-Request-ID");
		assertThat(allowed.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");

		Response refused = this.http.send(tokenRequest().header("Origin", "https://evil.example"));
		assertProblem(refused, 403, "cors-origin-refused");
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void requestWithoutOriginIsUntouchedByCors() {
		Response response = this.http.send(tokenRequest());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.raw().headers().map().keySet())
			.noneMatch((name) -> name.toLowerCase().startsWith("access-control-"));
	}

	@Test
	void securityHeadersOnSuccessNotFoundBadRequestAndServerError() {
		assertSecurityHeaders(this.http.get("/api/v1/health"), 200);
		assertSecurityHeaders(this.http.get("/no/such/path"), 404);
		assertSecurityHeaders(this.http.postJson("/api/v1/auth/token", "{not json"), 400);
		assertSecurityHeaders(this.http.get("/test/failure"), 500);
		assertProblem(this.http.get("/test/failure"), 500, "internal-error");
		Answer invalidHost = RawHttp.get(port(), "/api/v1/health", "Host: evil.com");
		SECURITY_HEADERS.forEach((name, value) -> assertThat(invalidHost.header(name)).as(name).isEqualTo(value));
	}

	@Test
	void hstsOnlyWhenTheRequestCameOverHttps() {
		assertThat(this.http.get("/api/v1/health").header("Strict-Transport-Security")).isNull();

		Answer viaProxy = RawHttp.get(port(), "/api/v1/health", "Host: api.example.com", "X-Forwarded-Proto: https");
		assertThat(viaProxy.status()).isEqualTo(200);
		assertThat(viaProxy.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
	}

	@Test
	void requestIdIsKeptWhenSaneGeneratedOtherwiseAndSentToLivekit() {
		Response kept = this.http
			.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/health")).header("X-Request-ID", "abc-123.x"));
		assertThat(kept.header("X-Request-ID")).isEqualTo("abc-123.x");

		String generated = this.http.get("/api/v1/health").header("X-Request-ID");
		assertThat(generated).matches("[0-9a-f-]{36}");

		for (String malformed : List.of("x".repeat(129), "has space", "semi;colon", "quote\"d")) {
			String answered = this.http
				.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/health"))
					.header("X-Request-ID", malformed))
				.header("X-Request-ID");
			assertThat(answered).as(malformed).isNotEqualTo(malformed).matches("[0-9a-f-]{36}");
		}

		Response dispatched = this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/agent/dispatch"))
			.header("Content-Type", "application/json")
			.header("X-Request-ID", "trace-me-42")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"request-id-room\"}")));
		assertThat(dispatched.status()).isEqualTo(200);
		assertThat(livekit.received()).filteredOn((call) -> call.room().equals("request-id-room"))
			.extracting(FakeLivekit.Received::requestId)
			.containsExactly("trace-me-42");
	}

	@Test
	void noServerOrPoweredByHeader() {
		Response response = this.http.get("/api/v1/health");

		assertThat(response.header("Server")).isNull();
		assertThat(response.header("X-Powered-By")).isNull();
		assertThat(this.http.get("/no/such/path").header("Server")).isNull();
	}

	private void assertSecurityHeaders(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		SECURITY_HEADERS.forEach((name, value) -> assertThat(response.header(name)).as(name).isEqualTo(value));
		assertThat(response.header("Strict-Transport-Security")).isNull();
	}

	private static void assertInvalidHost(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"urn:lesa:problem:invalid-host\"").contains("Invalid host header");
	}

	private Response preflight(String origin, String method, String headers) {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", headers));
	}

	private HttpRequest.Builder tokenRequest() {
		return HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"r\",\"identity\":\"u\"}"));
	}

	private int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	/** An endpoint that fails, to see what a 500 looks like. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingEndpoint {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	@RestController
	static class FailingController {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("a bug with internal detail");
		}

	}

}
