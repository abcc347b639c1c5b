package com.lesa.api.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.RawHttp;
import com.lesa.api.support.RawHttp.Answer;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated hostile requests over real HTTP (raw sockets, so anything can be sent): mutated JSON, odd
 * headers, methods and paths. Seeded, so a failure names the seed and request that reproduce it. Every answer must be
 * a 2xx or a 4xx problem, never a 5xx or a stack trace, and the service must be healthy afterwards.
 */
@ServiceTest
class BadInputIntegrationTests {

	static final long SEED = Long.getLong("badinput.seed", 20261204L);

	static final int REQUESTS = Integer.getInteger("badinput.requests", 10_000);

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	private static final String[] PATHS = { "/api/v1/auth/token", "/api/v1/agent/dispatch" };

	@Autowired
	private HttpTestClient http;

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void livekit(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
	}


	@Test
	void generatedBadInputNeverGets5xxOrAStackTrace() {
		Random random = new Random(SEED);
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		List<String> failures = new ArrayList<>();
		int answered = 0;
		for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
			Request request = generate(random);
			Answer answer = RawHttp.send(port, request.head(), request.body());
			if (answer.status() == 0) {
				continue; // the server closed the connection without answering: nothing leaked, nothing failed
			}
			answered++;
			String problem = check(request, answer);
			if (problem != null) {
				failures.add("#" + i + " (seed " + SEED + "): " + problem + "\n  request: " + printable(request)
						+ "\n  answer: " + answer.status() + " " + answer.body());
			}
		}

		assertThat(failures).as(String.join("\n", failures)).isEmpty();
		assertThat(answered).isGreaterThan(REQUESTS * 9 / 10);
		assertThat(this.http.get("/api/v1/health").status()).isEqualTo(200);
		assertThat(this.http.postJson("/api/v1/auth/token", "{\"room\":\"r\",\"identity\":\"u\"}").status())
			.isEqualTo(200);
	}

	private static String check(Request request, Answer answer) {
		if (answer.status() >= 500) {
			return "server error";
		}
		if (answer.body().contains("Exception") || answer.body().contains("\tat ") || answer.body().contains("at com.")) {
			return "stack trace";
		}
		boolean hasBody = !request.head().startsWith("HEAD ");
		if (answer.status() >= 400 && hasBody) {
			String type = answer.header("Content-Type");
			if (type == null || !type.startsWith("application/problem+json")) {
				return "not problem+json: " + type;
			}
		}
		return null;
	}

	private static Request generate(Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1, 2, 3 -> post(random, PATHS[random.nextInt(2)], mutatedJson(random), contentType(random));
			case 4 -> post(random, PATHS[random.nextInt(2)], randomBytes(random), "application/json");
			case 5 -> post(random, PATHS[random.nextInt(2)], validJson(random), contentType(random));
			case 6 -> new Request(method(random) + " " + path(random) + " HTTP/1.1\r\nHost: 127.0.0.1", new byte[0]);
			// A request without a body must not promise one, or the server rightly waits for it.
			case 7 -> new Request("GET " + path(random) + " HTTP/1.1\r\nHost: 127.0.0.1"
					+ oddHeaders(random).replace("\r\nContent-Length: 5", "").replace("\r\nExpect: 100-continue", ""),
					new byte[0]);
			case 8 -> post(random, PATHS[random.nextInt(2)], validJson(random), "application/json" + oddHeaders(random));
			default -> new Request(method(random) + " " + PATHS[random.nextInt(2)] + " HTTP/1.1\r\nHost: 127.0.0.1"
					+ "\r\nContent-Type: application/json", validJson(random));
		};
	}

	private static Request post(Random random, String path, byte[] body, String contentType) {
		String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1" + ((contentType != null) ? "\r\nContent-Type: "
				+ contentType : "");
		return new Request(head, body);
	}

	private static String contentType(Random random) {
		String[] types = { "application/json", "application/json; charset=UTF-8", "application/json;charset=ISO-8859-1",
				"application/json; charset=bogus-charset", "text/plain", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json; boundary=", "*/*", "application/*",
				"application/xml", "", "application/problem+json", null };
		return types[random.nextInt(types.length)];
	}

	private static String oddHeaders(Random random) {
		String[] headers = { "\r\nAccept: application/xml", "\r\nAccept: text/html", "\r\nAccept: */*;q=0",
				"\r\nX-Request-ID: " + "x".repeat(300), "\r\nX-Request-ID: a\u00ff\u00fe",
				"\r\nUser-Agent: " + "u".repeat(7000), "\r\nX-Big: " + "b".repeat(20_000), "\r\nOrigin: null",
				"\r\nOrigin: https://evil.example", "\r\nAuthorization: Bearer eyJhbGciOiJub25lIn0.e30.",
				"\r\nContent-Length: 5", "\r\nTransfer-Encoding: gzip", "\r\nAccept-Charset: utf-7",
				"\r\nX-Forwarded-Proto: https", "\r\nHost: second.example", "\r\nExpect: 100-continue",
				"\r\nAccept-Language: \u00e9\u00e9", "\r\nCookie: " + "c=1; ".repeat(200) };
		StringBuilder all = new StringBuilder();
		for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
			all.append(headers[random.nextInt(headers.length)]);
		}
		return all.toString();
	}

	private static String method(Random random) {
		String[] methods = { "GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "CONNECT", "FOO", "POST",
				"get" };
		return methods[random.nextInt(methods.length)];
	}

	private static String path(Random random) {
		String[] paths = { "/", "/api", "/api/v1/auth/token/", "/api/v1/agent/dispatch/", "/api/v1/agent/dispatch/x",
				"/api/v1/agent/dispatch/%00", "/api/v1/agent/dispatch/AD_1?room=%ZZ", "/api/v1/agent/dispatch?room=",
				"/api/v1/agent/dispatch?room=" + "r".repeat(300), "/api/v1/agent/dispatch?room=a%0d%0ab",
				"/%2e%2e/%2e%2e/etc/passwd", "/api/../status", "/api/v1/health;jsessionid=1", "//api//v1//health",
				"/api/v1/health%2Fx", "/" + "a".repeat(9000), "/swagger-ui/../../etc", "/actuator/env",
				"/api/v1/auth/token?identity=\u00e9", "/status?x=%", "/api/v1/agent/dispatch/%E0%A4%A" };
		return paths[random.nextInt(paths.length)];
	}

	private static byte[] validJson(Random random) {
		String json = switch (random.nextInt(3)) {
			case 0 -> "{\"room\":\"room-" + random.nextInt(50) + "\",\"identity\":\"u" + random.nextInt(50) + "\"}";
			case 1 -> "{\"room\":\"room-" + random.nextInt(50) + "\",\"metadata\":{\"k\":" + random.nextInt() + "}}";
			default -> "{\"room_name\":\"r\",\"participant_identity\":\"p\",\"room_config\":{\"agents\":[{\"agent_name\":\"py-agent\"}]}}";
		};
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] mutatedJson(Random random) {
		String[] fields = { "room", "identity", "name", "ttl_minutes", "mic_only", "dispatch_agent", "metadata",
				"attributes", "room_name", "participant_identity", "room_config", "agent_name", "participant_attributes",
				"\u0000", "", "__proto__", "constructor" };
		StringBuilder json = new StringBuilder("{");
		for (int i = 0, n = random.nextInt(6); i < n; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('"').append(fields[random.nextInt(fields.length)]).append("\":").append(value(random, 0));
		}
		json.append('}');
		String text = json.toString();
		return switch (random.nextInt(8)) {
			case 0 -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
			case 1 -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
			case 2 -> (text + text).getBytes(StandardCharsets.UTF_8);
			case 3 -> text.replace(':', '=').getBytes(StandardCharsets.UTF_8);
			default -> text.getBytes(StandardCharsets.UTF_8);
		};
	}

	private static String value(Random random, int depth) {
		return switch (random.nextInt(depth > 2 ? 12 : 15)) {
			case 0 -> "null";
			case 1 -> "true";
			case 2 -> "-1";
			case 3 -> "1e400";
			case 4 -> "9".repeat(1 + random.nextInt(2000));
			case 5 -> "\"" + "s".repeat(random.nextInt(300)) + "\"";
			case 6 -> "\"\\u0000\\r\\n\\u001b[31m\\u202e\"";
			case 7 -> "\"\\ud800\"";
			case 8 -> "\"" + "x".repeat(20_000) + "\"";
			case 9 -> "0.5";
			case 10 -> "\"r\"";
			case 11 -> "[" + "[".repeat(random.nextInt(3000)) + "]";
			case 12 -> "{\"agents\":[" + value(random, depth + 1) + "]}";
			case 13 -> "{\"" + "k".repeat(random.nextInt(10)) + "\":" + value(random, depth + 1) + "}";
			default -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
		};
	}

	private static byte[] randomBytes(Random random) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("{\"room\":\"".getBytes(StandardCharsets.UTF_8));
		for (int i = 0, n = random.nextInt(64); i < n; i++) {
			bytes.write(random.nextInt(256));
		}
		bytes.writeBytes("\",\"identity\":\"u\"}".getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

	private static String printable(Request request) {
		String head = request.head().replace("\r\n", " | ");
		String body = new String(request.body(), StandardCharsets.UTF_8);
		return (head.length() > 300 ? head.substring(0, 300) + "..." : head) + " || "
				+ (body.length() > 300 ? body.substring(0, 300) + "..." : body);
	}

	private record Request(String head, byte[] body) {
	}

}
