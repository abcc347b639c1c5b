package com.lesa.api.token;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.LivekitTokens;
import com.lesa.api.support.RawHttp;
import com.lesa.api.support.RawHttp.Answer;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class TokenIntegrationTests {

	private static final String KEY = ServiceTest.API_KEY;

	private static final String SECRET = ServiceTest.API_SECRET;

	private static final String PATH = "/api/v1/auth/token";

	@Autowired
	private Environment environment;

	@Autowired
	private HttpTestClient http;

	@Test
	void tokenWhenValidThenLivekitAcceptsItForThatRoomAndIdentity() {
		Instant before = Instant.now().minusSeconds(1);
		Response response = this.http.postJson(PATH, """
				{"room":"support-42","identity":"user-123","name":"Alice","ttl_minutes":30,
				 "metadata":"{\\"plan\\":\\"pro\\"}","attributes":{"lang":"en"}}""");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("Pragma")).isEqualTo("no-cache");
		JsonNode body = response.json();
		DecodedJWT jwt = LivekitTokens.verify(body.path("token").asString(), KEY, SECRET);
		assertThat(jwt.getSubject()).isEqualTo("user-123");
		assertThat(jwt.getNotBefore().toInstant()).isBetween(before, Instant.now());
		assertThat(Duration.between(jwt.getNotBefore().toInstant(), jwt.getExpiresAt().toInstant()))
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(jwt.getClaim("name").asString()).isEqualTo("Alice");
		assertThat(jwt.getClaim("metadata").asString()).isEqualTo("{\"plan\":\"pro\"}");
		assertThat(jwt.getClaim("attributes").asMap()).isEqualTo(Map.of("lang", "en"));
		assertThat(jwt.getClaim("video").asMap()).isEqualTo(Map.of("roomJoin", true, "room", "support-42",
				"canPublish", true, "canSubscribe", true, "canPublishData", true));
		assertThat(body.path("ws_url").asString()).isEqualTo("wss://lk.example.test");
		assertThat(body.path("server_url").asString()).isEqualTo("wss://lk.example.test");
		assertThat(body.path("participant_token").asString()).isEqualTo(body.path("token").asString());
		assertThat(body.path("room").asString()).isEqualTo("support-42");
		assertThat(body.path("identity").asString()).isEqualTo("user-123");
		assertThat(body.path("name").asString()).isEqualTo("Alice");
		assertThat(body.path("ttl_minutes").asInt()).isEqualTo(30);
		assertThat(body.path("mic_only").asBoolean()).isFalse();
		assertThat(Instant.parse(body.path("expires_at").asString())).isEqualTo(jwt.getExpiresAt().toInstant());
		assertThat(body.path("expires_at").asString()).endsWith("Z");
	}

	@Test
	void tokenWhenNoTtlThenDefaultTtl() {
		DecodedJWT jwt = mint("{\"room\":\"r\",\"identity\":\"u\"}");

		assertThat(Duration.between(jwt.getNotBefore().toInstant(), jwt.getExpiresAt().toInstant()))
			.isEqualTo(Duration.ofMinutes(60));
		assertThat(jwt.getClaims()).doesNotContainKeys("name", "metadata", "attributes", "roomConfig");
	}

	@Test
	void tokenWhenMicOnlyThenOnlyMicrophoneSourceAndOtherwiseNoSourceList() {
		Map<String, Object> micOnly = mint("{\"room\":\"r\",\"identity\":\"u\",\"mic_only\":true}").getClaim("video")
			.asMap();
		Map<String, Object> full = mint("{\"room\":\"r\",\"identity\":\"u\",\"mic_only\":false}").getClaim("video")
			.asMap();

		assertThat(micOnly).containsEntry("canPublishSources", List.of("microphone"))
			.containsEntry("canPublish", true);
		assertThat(full).doesNotContainKey("canPublishSources");
	}

	@Test
	void tokenWhenLivekitStandardEndpointFieldsThenSameClaimsAsOriginalFields() {
		DecodedJWT original = mint("""
				{"room":"r1","identity":"u1","name":"N","metadata":"m","attributes":{"a":"b"},"mic_only":true}""");
		DecodedJWT standard = mint("""
				{"room_name":"r1","participant_identity":"u1","participant_name":"N","participant_metadata":"m",
				 "participant_attributes":{"a":"b"},"mic_only":true,"room_config":{}}""");

		for (String claim : List.of("iss", "sub", "name", "metadata", "attributes", "video")) {
			assertThat(standard.getClaim(claim).toString()).as(claim).isEqualTo(original.getClaim(claim).toString());
		}
	}

	@Test
	void tokenWhenSameValueUnderFieldAndAliasThenAccepted() {
		DecodedJWT jwt = mint("{\"room\":\"r\",\"room_name\":\"r\",\"identity\":\"u\",\"participant_identity\":\"u\"}");

		assertThat(jwt.getSubject()).isEqualTo("u");
	}

	@Test
	void tokenWhenFieldAndAliasDisagreeThen422NamingTheAlias() {
		JsonNode problem = assertProblem(this.http.postJson(PATH, """
				{"room":"a","room_name":"b","identity":"u","participant_identity":"v"}"""), 422, "invalid-request");

		assertThat(fields(problem)).containsExactly("room_name", "participant_identity");
	}

	@Test
	void tokenWhenRoomConfigIsEmptyOrNullThenIgnored() {
		assertThat(mint("{\"room\":\"r\",\"identity\":\"u\",\"room_config\":null}").getClaims())
			.doesNotContainKey("roomConfig");
		assertThat(mint("{\"room\":\"r\",\"identity\":\"u\",\"room_config\":{\"agents\":[]}}").getClaims())
			.doesNotContainKey("roomConfig");
	}

	@Test
	void tokenWhenRoomConfigNamesAnAgentNotAllowedThen422NamingIt() {
		JsonNode problem = assertProblem(this.http.postJson(PATH, """
				{"room":"r","identity":"u","room_config":{"agents":[{"agent_name":"x"}]}}"""), 422, "invalid-request");

		assertThat(fields(problem)).containsExactly("room_config.agents[0].agent_name");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("not an agent");
	}

	@Test
	void tokenWhenRequiredFieldsMissingThen422NamingEach() {
		JsonNode problem = assertProblem(this.http.postJson(PATH, "{}"), 422, "invalid-request");

		assertThat(fields(problem)).containsExactly("room", "identity");
		assertThat(problem.path("detail").asString()).contains("room is required").contains("identity is required");
	}

	@Test
	void tokenWhenNamesBreakTheRulesThen422NamingEachField() {
		String tooLongRoom = "r".repeat(101);
		String tooManyBytes = "\u20ac".repeat(90);
		JsonNode problem = assertProblem(this.http.postJson(PATH, """
				{"room":"%s","identity":"%s","name":"%s"}""".formatted(tooLongRoom, tooManyBytes, "n".repeat(257))),
				422, "invalid-request");

		assertThat(problem.path("errors").toString()).contains("\"room\"", "at most 100 characters")
			.contains("\"identity\"", "256 bytes")
			.contains("\"name\"", "at most 256 characters");
	}

	@Test
	void tokenWhenBlankOrInvisibleCharactersThen422() {
		JsonNode problem = assertProblem(this.http.postJson(PATH, """
				{"room":"   ","identity":"bob\\u202e","name":"line\\nbreak"}"""), 422, "invalid-request");

		assertThat(fields(problem)).containsExactly("room", "identity", "name");
	}

	@Test
	void tokenWhenTtlOutOfRangeOrWrongTypeThen422() {
		assertThat(fields(assertProblem(this.http.postJson(PATH, "{\"room\":\"r\",\"identity\":\"u\",\"ttl_minutes\":0}"),
				422, "invalid-request")))
			.containsExactly("ttl_minutes");
		assertThat(fields(assertProblem(
				this.http.postJson(PATH, "{\"room\":\"r\",\"identity\":\"u\",\"ttl_minutes\":1441}"), 422,
				"invalid-request")))
			.containsExactly("ttl_minutes");
		assertThat(fields(assertProblem(
				this.http.postJson(PATH, "{\"room\":\"r\",\"identity\":\"u\",\"ttl_minutes\":\"soon\"}"), 422,
				"invalid-request")))
			.containsExactly("ttl_minutes");
		assertThat(fields(assertProblem(
				this.http.postJson(PATH, "{\"room\":\"r\",\"identity\":\"u\",\"ttl_minutes\":99999999999}"), 422,
				"invalid-request")))
			.containsExactly("ttl_minutes");
	}

	@Test
	void tokenWhenMetadataOrAttributesTooLargeThen422() {
		String metadata = "m".repeat(4097);
		String value = "v".repeat(4094);
		JsonNode problem = assertProblem(this.http.postJson(PATH, """
				{"room":"r","identity":"u","metadata":"%s","attributes":{"key":"%s"}}""".formatted(metadata, value)),
				422, "invalid-request");

		assertThat(fields(problem)).containsExactly("metadata", "attributes");
	}

	@Test
	void tokenWhenAttributeIsNotAStringThen422NamingIt() {
		JsonNode problem = assertProblem(
				this.http.postJson(PATH, "{\"room\":\"r\",\"identity\":\"u\",\"attributes\":{\"a\":{\"b\":1}}}"), 422,
				"invalid-request");

		assertThat(fields(problem)).containsExactly("attributes.a");
	}

	@Test
	void tokenWhenJsonIsMalformedThen400() {
		assertProblem(this.http.postJson(PATH, "{\"room\": "), 400, "malformed-request");
		assertProblem(this.http.postJson(PATH, "[\"room\"]"), 400, "malformed-request");
		assertProblem(this.http.postJson(PATH, ""), 400, "malformed-request");
		assertProblem(this.http.postJson(PATH, "{\"room\":\"a\",\"room\":\"b\",\"identity\":\"u\"}"), 400,
				"malformed-request");
	}

	@Test
	void tokenWhenNotJsonThen415() {
		assertProblem(this.http.post(PATH, "text/plain", "{\"room\":\"r\",\"identity\":\"u\"}"), 415,
				"unsupported-media-type");
		assertProblem(this.http.post(PATH, "application/x-www-form-urlencoded", "room=r&identity=u"), 415,
				"unsupported-media-type");
		assertProblem(this.http.post(PATH, null, "{\"room\":\"r\",\"identity\":\"u\"}"), 415,
				"unsupported-media-type");
	}

	@Test
	void tokenWhenBodyOverLimitThen413WithOrWithoutContentLength() {
		String big = "{\"room\":\"r\",\"identity\":\"u\",\"metadata\":\"" + "x".repeat(20_000) + "\"}";
		assertProblem(this.http.postJson(PATH, big), 413, "payload-too-large");

		HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create(this.http.base() + PATH))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
		assertProblem(this.http.send(chunked), 413, "payload-too-large");
	}

	/**
	 * A small Content-Length beside a chunked body: chunked framing wins (RFC 9112), so the declared length must not
	 * let the body past the limit uncounted.
	 */
	@Test
	void tokenWhenChunkedBodyDeclaresSmallContentLengthThen413() {
		String big = "{\"room\":\"r\",\"identity\":\"u\",\"metadata\":\"" + "x".repeat(20_000) + "\"}";
		byte[] chunked = (Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		for (String framing : new String[] { "Content-Length: 10\r\nTransfer-Encoding: chunked",
				"Transfer-Encoding: chunked\r\nContent-Length: 10" }) {
			Answer answer = RawHttp.sendFramedByHead(this.environment.getRequiredProperty("local.server.port",
					Integer.class), "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
							+ framing, chunked);

			assertThat(answer.status()).as(framing).isEqualTo(413);
			assertThat(answer.body()).contains("payload-too-large");
		}
	}

	@Test
	void tokenWhenUnknownFieldsThenIgnored() {
		DecodedJWT jwt = mint("{\"room\":\"r\",\"identity\":\"u\",\"future_field\":{\"x\":1}}");

		assertThat(jwt.getSubject()).isEqualTo("u");
	}

	@Test
	void tokenWhenGetThen405Problem() {
		assertProblem(this.http.get(PATH), 405, "method-not-allowed");
	}

	private DecodedJWT mint(String json) {
		Response response = this.http.postJson(PATH, json);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return LivekitTokens.verify(response.json().path("token").asString(), KEY, SECRET);
	}

	private static List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

}
