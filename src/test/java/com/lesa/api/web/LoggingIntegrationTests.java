package com.lesa.api.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.RawHttp;
import com.lesa.api.support.ServiceTest;
import com.lesa.api.support.Logs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service writes to stdout for real requests, with JSON logs on. */
@ServiceTest
@TestPropertySource(properties = "LOG_FORMAT=json")
@ExtendWith(OutputCaptureExtension.class)
class LoggingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	@Autowired
	private HttpTestClient http;

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void jsonLogs(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
	}


	@Test
	void accessLogIsOneJsonLinePerRequestWithEveryField(CapturedOutput output) {
		Response response = this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("User-Agent", "lesa-test-agent/1.0")
			.header("X-Request-ID", "log-test-1")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"log-room\",\"identity\":\"log-user\",\"ttl_minutes\":5}")));
		assertThat(response.status()).isEqualTo(200);

		JsonNode line = accessLine(output, "log-test-1");
		assertThat(line.path("timestamp").asString()).isNotBlank();
		assertThat(line.path("level").asString()).isEqualTo("INFO");
		assertThat(line.path("logger").asString()).isEqualTo("com.lesa.api.access");
		assertThat(line.path("message").asString()).startsWith("POST /api/v1/auth/token 200");
		assertThat(line.path("method").asString()).isEqualTo("POST");
		assertThat(line.path("path").asString()).isEqualTo("/api/v1/auth/token");
		assertThat(line.path("status").asInt()).isEqualTo(200);
		assertThat(line.path("duration_ms").isNumber()).isTrue();
		assertThat(line.path("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
		assertThat(line.path("client_ip").asString()).isEqualTo("127.0.0.1");
		assertThat(line.path("user_agent").asString()).isEqualTo("lesa-test-agent/1.0");
		assertThat(line.path("room").asString()).isEqualTo("log-room");
		assertThat(line.path("identity").asString()).isEqualTo("log-user");
		assertThat(line.path("ttl_minutes").asInt()).isEqualTo(5);
	}

	@Test
	void accessLogOfDispatchHasAgentDispatchIdAndDedupHitButNoQueryString(CapturedOutput output) {
		send("/api/v1/agent/dispatch", "log-test-2", "{\"room\":\"log-dispatch\"}");
		send("/api/v1/agent/dispatch", "log-test-3", "{\"room\":\"log-dispatch\"}");
		this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/agent/dispatch?room=log-dispatch&token=q"))
			.header("X-Request-ID", "log-test-4"));

		JsonNode first = accessLine(output, "log-test-2");
		assertThat(first.path("agent_name").asString()).isEqualTo("py-agent");
		assertThat(first.path("dispatch_id").asString()).startsWith("AD_");
		assertThat(first.path("deduplicated").asBoolean()).isFalse();
		assertThat(accessLine(output, "log-test-3").path("deduplicated").asBoolean()).isTrue();
		assertThat(accessLine(output, "log-test-4").path("path").asString()).isEqualTo("/api/v1/agent/dispatch");
	}

	@Test
	void logsOfTokenAndDispatchRequestsHoldNoJwtAndNoSecret(CapturedOutput output) {
		String callerJwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYWxsZXIifQ.c2lnbmF0dXJlLW9mLXRoZS1jYWxsZXI";
		HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + callerJwt)
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"secret-room\",\"identity\":\"u\",\"dispatch_agent\":true}"));
		assertThat(this.http.send(token).json().path("token").asString()).startsWith("eyJ");
		livekit.answerNextWith(FakeLivekit.plainUnauthorized("invalid authorization token: " + callerJwt));
		send("/api/v1/agent/dispatch", "log-test-5", "{\"room\":\"secret-room-2\"}");
		livekit.answerNextWith(FakeLivekit.twirpError(500, "internal", "Bearer " + callerJwt + " " + ServiceTest.API_SECRET));
		send("/api/v1/agent/dispatch", "log-test-6", "{\"room\":\"secret-room-3\"}");

		assertThat(Logs.flushed(output)).contains("log-test-5", "log-test-6")
			.doesNotContain("eyJ")
			.doesNotContain(callerJwt)
			.doesNotContain(ServiceTest.API_SECRET);
	}

	@Test
	void controlCharactersFromRequestsCannotForgeLogLines(CapturedOutput output) {
		String forged = "{\\\"level\\\":\\\"ERROR\\\",\\\"message\\\":\\\"forged\\\"}";
		send("/api/v1/auth/token", "log-test-7",
				"{\"room\":\"r\\r\\n" + forged + "\",\"identity\":\"evil\\r\\n" + forged + "\"}");
		RawHttp.send(port(), "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "User-Agent: agent \"quoted\" \\ back {x}\u00e9\r\nX-Request-ID: log-test-8",
				"{\"room\":\"r\",\"identity\":\"u\"}");
		RawHttp.send(port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: evil\r" + forged, "");

		// Other test contexts may log text around this test; every line that carries what this test sent is JSON.
		List<String> lines = Logs.flushedOut(output).lines().filter((line) -> line.contains("log-test-7")
				|| line.contains("log-test-8") || line.contains("forged") || line.contains("evil")).toList();
		assertThat(lines).isNotEmpty();
		for (String line : lines) {
			assertThat(line).as("a forged line").doesNotStartWith("{\"level\":\"ERROR\"");
			JsonNode parsed = JSON.readTree(line);
			assertThat(parsed.isObject()).as(line).isTrue();
			assertThat(parsed.path("message").asString()).as(line).isNotEqualTo("forged");
		}
		assertThat(accessLine(output, "log-test-7").path("status").asInt()).isEqualTo(422);
		assertThat(accessLine(output, "log-test-8").path("user_agent").asString())
			.isEqualTo("agent \"quoted\" \\ back {x}\u00e9");
	}

	@Test
	void jwtShapedValuesAreMaskedEvenIfCodeLogsThem(CapturedOutput output) {
		LoggerFactory.getLogger("com.lesa.api.test").info("leaked eyJhbGciOi.eyJzdWIiOiJ4In0.abcdefgh and bearer abc.def");

		String line = Logs.flushedOut(output).lines().filter((l) -> l.contains("leaked")).findFirst().orElseThrow();
		assertThat(JSON.readTree(line).path("message").asString()).isEqualTo("leaked **** and ****");
	}

	private void send(String path, String requestId, String json) {
		this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + path))
			.header("Content-Type", "application/json")
			.header("X-Request-ID", requestId)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static JsonNode accessLine(CapturedOutput output, String requestId) {
		List<JsonNode> lines = Logs.flushedOut(output)
			.lines()
			.filter((line) -> line.contains("\"com.lesa.api.access\"") && line.contains("\"" + requestId + "\""))
			.map(JSON::readTree)
			.toList();
		assertThat(lines).as("access-log lines of %s", requestId).hasSize(1);
		assertThat(lines.get(0).path("request_id").asString()).isEqualTo(requestId);
		return lines.get(0);
	}

	private int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

}
