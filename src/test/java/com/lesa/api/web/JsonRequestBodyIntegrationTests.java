package com.lesa.api.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.RawHttp;
import com.lesa.api.support.RawHttp.Answer;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain UTF-8 JSON bodies are read by {@link JsonRequestBodyResolver}; any other charset by Spring's general
 * {@code @RequestBody} processor. Both must answer every body alike.
 */
@ServiceTest
class JsonRequestBodyIntegrationTests {

	private static final String FAST = "application/json";

	private static final String STANDARD = "application/json;charset=ISO-8859-1";

	@Autowired
	private HttpTestClient http;

	@Autowired
	private RequestMappingHandlerAdapter adapter;

	@Autowired
	private Environment environment;

	@Test
	void resolverIsFirstSoPlainJsonTakesIt() {
		assertThat(this.adapter.getArgumentResolvers().get(0)).isInstanceOf(JsonRequestBodyResolver.class);
		// Token bodies in their usual shape are read by their own reader (TokenRequestReaderTests).
		assertThat(((JsonRequestBodyResolver) this.adapter.getArgumentResolvers().get(0)).usualTypes())
			.extracting(Class::getName)
			.containsExactly("com.lesa.api.token.TokenRequest");
		assertThat(JsonRequestBodyResolver.isUtf8Json("application/json")).isTrue();
		assertThat(JsonRequestBodyResolver.isUtf8Json("Application/JSON; charset=\"utf-8\"")).isTrue();
		assertThat(JsonRequestBodyResolver.isUtf8Json("application/json;charset=ISO-8859-1")).isFalse();
		assertThat(JsonRequestBodyResolver.isUtf8Json("application/problem+json")).isFalse();
		assertThat(JsonRequestBodyResolver.isUtf8Json(null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"room\":\"r1\",\"identity\":\"alice\",\"name\":\"Alice\",\"mic_only\":true}",
			"{\"roomName\":\"r1\",\"participantIdentity\":\"alice\"}", "", "null", "[]", "\"text\"", "{",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"room\":\"r2\"}", "{\"room\":5,\"identity\":\"alice\"}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"ttl_minutes\":\"x\"}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"ttl_minutes\":1.5}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"mic_only\":\"yes\"}", "{\"room\":\"r1\"} trailing",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"unknown_field\":1}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"ttl_minutes\":\"30\",\"name\":null,\"mic_only\":null}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"ttl_minutes\":2147483648}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"mic_only\":1}", "{\"room\":\"r1\"}{}",
			"{\"room_name\":\"r1\",\"participant_identity\":\"alice\",\"participant_attributes\":{\"k\":\"v\"}}",
			"{\"room\":\"r1\",\"identity\":\"alice\",\"room_config\":{\"agents\":[{\"agent_name\":\"py-agent\"}]}}",
			"{\"room\":\"caf\\u00e9\",\"identity\":\"alice\",\"ttl_minutes\":5,\"dispatch_agent\":false}" })
	void everyBodyAnsweredAlikeByBothPaths(String body) {
		Response fast = this.http.post("/api/v1/auth/token", FAST, body);
		Response standard = this.http.post("/api/v1/auth/token", STANDARD, body);

		assertThat(fast.status()).isEqualTo(standard.status());
		if (fast.status() == 200) {
			assertThat(fast.json().path("room").asString()).isEqualTo(standard.json().path("room").asString());
			assertThat(fast.json().path("identity").asString())
				.isEqualTo(standard.json().path("identity").asString());
		}
		else {
			assertThat(fast.json().path("type")).isEqualTo(standard.json().path("type"));
			assertThat(fast.json().path("detail")).isEqualTo(standard.json().path("detail"));
			assertThat(fast.json().path("errors")).isEqualTo(standard.json().path("errors"));
		}
	}

	@Test
	void dispatchBodiesAnsweredAlikeByBothPaths() {
		for (String body : new String[] { "", "{", "{\"room\":[1]}", "{\"room\":\"r\",\"room\":\"s\"}" }) {
			Response fast = this.http.post("/api/v1/agent/dispatch", FAST, body);
			Response standard = this.http.post("/api/v1/agent/dispatch", STANDARD, body);

			assertThat(fast.status()).as(body).isEqualTo(standard.status()).isBetween(400, 499);
			assertThat(fast.json().path("detail")).as(body).isEqualTo(standard.json().path("detail"));
		}
	}

	@Test
	void bodyShorterThanItsDeclaredLengthAnsweredAlikeByBothPaths() {
		// The usual token reader reads the declared length first; a client that stops early gets what the streaming
		// path gives it.
		byte[] part = "{\"room\":\"r1\",\"iden".getBytes(StandardCharsets.UTF_8);
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		Answer fast = RawHttp.sendThenStop(port, head(FAST, part.length + 40), part);
		Answer standard = RawHttp.sendThenStop(port, head(STANDARD, part.length + 40), part);

		assertThat(fast.status()).isEqualTo(standard.status()).isBetween(400, 499);
		assertThat(fast.body()).isEqualTo(standard.body());
	}

	private static String head(String contentType, int length) {
		return "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + length;
	}

	@Test
	void otherCharsetIsStillDecodedByItsCharset() {
		byte[] latin1 = "{\"room\":\"caf\u00e9\",\"identity\":\"alice\"}".getBytes(StandardCharsets.ISO_8859_1);
		Response response = this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", STANDARD)
			.POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("room").asString()).isEqualTo("caf\u00e9");
	}

}
