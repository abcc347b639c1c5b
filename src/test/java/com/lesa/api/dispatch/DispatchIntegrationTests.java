package com.lesa.api.dispatch;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.LivekitTokens;
import com.lesa.api.support.ServiceTest;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Dispatch through the whole service over real HTTP, against a LiveKit fake on loopback. */
@ServiceTest
class DispatchIntegrationTests {

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	private static final AtomicInteger rooms = new AtomicInteger();

	@Autowired
	private HttpTestClient http;

	private String room;

	@DynamicPropertySource
	static void livekit(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("ALLOWED_AGENT_NAMES", () -> "py-agent,support-agent");
		registry.add("LIVEKIT_READ_TIMEOUT", () -> "1s");
		registry.add("LIVEKIT_CALL_TIMEOUT", () -> "1500ms");
	}


	@BeforeEach
	void setUp() {
		livekit.reset();
		// A room per test: de-duplication is keyed by room, so tests cannot see each other's dispatches.
		this.room = "room-" + rooms.incrementAndGet();
	}

	@Test
	void dispatchThenListThenDelete() {
		Instant before = Instant.now().minusSeconds(1);
		Response created = dispatch("{\"room\":\"%s\",\"metadata\":{\"ticket\":42,\"lang\":\"en\"}}");

		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).isEqualTo("no-store");
		JsonNode body = created.json();
		String id = body.path("dispatch_id").asString();
		assertThat(id).startsWith("AD_");
		assertThat(body.path("room").asString()).isEqualTo(this.room);
		assertThat(body.path("agent_name").asString()).isEqualTo("py-agent");
		assertThat(body.path("metadata").asString()).isEqualTo("{\"ticket\":42,\"lang\":\"en\"}");
		assertThat(Instant.parse(body.path("created_at").asString())).isBetween(before, Instant.now());
		assertThat(body.path("deduplicated").asBoolean()).isFalse();
		List<FakeLivekit.Received> received = livekit.received();
		assertThat(received.get(received.size() - 1).body().path("metadata").asString())
			.isEqualTo("{\"ticket\":42,\"lang\":\"en\"}");

		JsonNode list = this.http.get("/api/v1/agent/dispatch?room=" + this.room).json();
		assertThat(list.path("room").asString()).isEqualTo(this.room);
		assertThat(list.path("dispatches").valueStream().map((d) -> d.path("dispatch_id").asString()))
			.containsExactly(id);

		Response deleted = delete(id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().path("dispatch_id").asString()).isEqualTo(id);
		assertThat(this.http.get("/api/v1/agent/dispatch?room=" + this.room).json().path("dispatches").size())
			.isZero();

		Response again = dispatch("{\"room\":\"%s\"}");
		assertThat(again.json().path("deduplicated").asBoolean()).as("a deleted dispatch is not reused").isFalse();
		assertThat(livekit.creates(this.room)).isEqualTo(2);
	}

	@Test
	void dispatchWhenRepeatedWithinTheWindowThenLivekitIsCalledOnce() {
		JsonNode first = dispatch("{\"room\":\"%s\",\"agent_name\":\"support-agent\"}").json();
		JsonNode second = dispatch("{\"room\":\"%s\",\"agent_name\":\"support-agent\"}").json();
		JsonNode other = dispatch("{\"room\":\"%s\",\"agent_name\":\"py-agent\"}").json();

		assertThat(second.path("dispatch_id").asString()).isEqualTo(first.path("dispatch_id").asString());
		assertThat(second.path("deduplicated").asBoolean()).isTrue();
		assertThat(other.path("deduplicated").asBoolean()).isFalse();
		assertThat(livekit.creates(this.room)).isEqualTo(2);
	}

	@Test
	void dispatchWhenManyConcurrentRequestsThenOneUpstreamCallAndOneDispatchId() throws Exception {
		livekit.delayCreates(Duration.ofMillis(300));
		int callers = 16;
		CyclicBarrier start = new CyclicBarrier(callers);
		List<Callable<JsonNode>> calls = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			calls.add(() -> {
				start.await();
				Response response = dispatch("{\"room\":\"%s\"}");
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				return response.json();
			});
		}
		List<JsonNode> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			for (Future<JsonNode> answer : pool.invokeAll(calls)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(livekit.creates(this.room)).isEqualTo(1);
		assertThat(answers.stream().map((a) -> a.path("dispatch_id").asString()).distinct()).hasSize(1);
		assertThat(answers.stream().filter((a) -> !a.path("deduplicated").asBoolean())).hasSize(1);
	}

	@Test
	void dispatchWhenCallFailedThenTheNextRequestTriesAgain() {
		livekit.answerNextWith(FakeLivekit.twirpError(503, "unavailable", "no response from servers"));
		assertProblem(dispatch("{\"room\":\"%s\"}"), 503, "livekit-unavailable");

		Response retried = dispatch("{\"room\":\"%s\"}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().path("deduplicated").asBoolean()).isFalse();
		assertThat(livekit.creates(this.room)).isEqualTo(1);
	}

	@Test
	void tokenWithDispatchAgentThenAgentDispatchedAndAnExplicitDispatchIsDeduplicated() {
		Response token = this.http.postJson("/api/v1/auth/token",
				"{\"room\":\"%s\",\"identity\":\"u\",\"dispatch_agent\":true}".formatted(this.room));

		JsonNode body = token.json();
		assertThat(body.path("agent_dispatched").asBoolean()).isTrue();
		String id = body.path("dispatch_id").asString();
		assertThat(id).startsWith("AD_");
		assertThat(body.has("dispatch_error")).isFalse();
		LivekitTokens.verify(body.path("token").asString(), ServiceTest.API_KEY, ServiceTest.API_SECRET);
		assertThat(livekit.received().get(livekit.received().size() - 1).body().path("agentName").asString())
			.isEqualTo("py-agent");

		JsonNode explicit = dispatch("{\"room\":\"%s\"}").json();
		assertThat(explicit.path("dispatch_id").asString()).isEqualTo(id);
		assertThat(explicit.path("deduplicated").asBoolean()).isTrue();
		assertThat(livekit.creates(this.room)).isEqualTo(1);
	}

	@Test
	void tokenWithoutDispatchAgentThenNoDispatch() {
		JsonNode body = this.http.postJson("/api/v1/auth/token",
				"{\"room\":\"%s\",\"identity\":\"u\"}".formatted(this.room)).json();

		assertThat(body.path("agent_dispatched").asBoolean()).isFalse();
		assertThat(body.path("dispatch_id").isNull()).isTrue();
		assertThat(livekit.creates(this.room)).isZero();
	}

	@Test
	void tokenWithDispatchAgentWhenLivekitFailsThenTokenStillIssuedWithDispatchError() {
		livekit.answerNextWith(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html>bad gateway</html>")
			.build());

		Response token = this.http.postJson("/api/v1/auth/token",
				"{\"room\":\"%s\",\"identity\":\"u\",\"dispatch_agent\":true}".formatted(this.room));

		assertThat(token.status()).isEqualTo(200);
		JsonNode body = token.json();
		assertThat(body.path("agent_dispatched").asBoolean()).isFalse();
		assertThat(body.path("dispatch_id").isNull()).isTrue();
		assertThat(body.path("dispatch_error").path("code").asString()).isEqualTo("livekit_bad_response");
		assertThat(body.path("dispatch_error").path("message").asString()).isNotBlank().doesNotContain("html");
		LivekitTokens.verify(body.path("token").asString(), ServiceTest.API_KEY, ServiceTest.API_SECRET);
	}

	@Test
	void tokenWithRoomConfigThenRoomConfigClaimInLivekitsForm() {
		DecodedJWT snake = roomConfigToken(
				"{\"agents\":[{\"agent_name\":\"support-agent\",\"metadata\":\"{\\\"t\\\":1}\"}]}");
		DecodedJWT camel = roomConfigToken(
				"{\"agents\":[{\"agentName\":\"support-agent\",\"metadata\":\"{\\\"t\\\":1}\"}]}");

		Map<String, Object> expected = Map.of("agents",
				List.of(Map.of("agentName", "support-agent", "metadata", "{\"t\":1}")));
		assertThat(snake.getClaim("roomConfig").asMap()).isEqualTo(expected);
		assertThat(camel.getClaim("roomConfig").asMap()).isEqualTo(expected);
		assertThat(livekit.creates(this.room)).isZero();
	}

	@Test
	void tokenWithRoomConfigWhenAgentNotAllowedOrOtherSettingsThen422() {
		JsonNode problem = assertProblem(this.http.postJson("/api/v1/auth/token", """
				{"room":"r","identity":"u","room_config":{"agents":[{"agent_name":"paid-agent"}],
				 "egress":{"room":{"file_outputs":[{"s3":{"bucket":"b"}}]}},"max_participants":500}}"""), 422,
				"invalid-request");

		assertThat(problem.path("errors").valueStream().map((e) -> e.path("field").asString())).containsExactly(
				"room_config.agents[0].agent_name", "room_config.egress", "room_config.max_participants");
	}

	@Test
	void dispatchWhenAgentNotAllowedOrBadInputThen422WithoutCallingLivekit() {
		assertProblem(dispatch("{\"room\":\"%s\",\"agent_name\":\"paid-agent\"}"), 422, "invalid-request");
		assertProblem(dispatch("{\"room\":\"%s\",\"metadata\":[1,2]}"), 422, "invalid-request");
		assertProblem(dispatch("{\"room\":\"%s\",\"metadata\":\"" + "m".repeat(4097) + "\"}"), 422,
				"invalid-request");
		assertProblem(this.http.postJson("/api/v1/agent/dispatch", "{\"agent_name\":\"py-agent\"}"), 422,
				"invalid-request");
		assertProblem(this.http.get("/api/v1/agent/dispatch"), 422, "invalid-request");
		assertProblem(this.http.post("/api/v1/agent/dispatch", "text/plain", "room=x"), 415,
				"unsupported-media-type");
		assertThat(livekit.creates(this.room)).isZero();
	}

	@Test
	void upstreamFailuresMapToClearStatusesWithoutDuplicateDispatches() {
		livekit.answerNextWith(FakeLivekit.twirpError(500, "internal", "database is on fire"));
		JsonNode internal = assertProblem(dispatch("{\"room\":\"%s\"}"), 502, "livekit-error");
		assertThat(internal.path("upstream_code").asString()).isEqualTo("internal");
		assertThat(internal.toString()).doesNotContain("database is on fire");

		livekit.answerNextWith(FakeLivekit.twirpError(400, "invalid_argument", "metadata size exceeds limits"));
		assertThat(assertProblem(dispatch("{\"room\":\"%s\"}"), 422, "livekit-rejected-request").path("upstream_code")
			.asString()).isEqualTo("invalid_argument");

		livekit.answerNextWith(FakeLivekit.twirpError(401, "unauthenticated", "permissions denied"));
		assertProblem(dispatch("{\"room\":\"%s\"}"), 502, "livekit-refused-credentials");

		livekit.answerNextWith(FakeLivekit.plainUnauthorized("invalid authorization token: signature is invalid"));
		assertProblem(dispatch("{\"room\":\"%s\"}"), 502, "livekit-refused-credentials");

		livekit.answerNextWith(FakeLivekit.twirpError(404, "bad_route", "no handler"));
		assertProblem(dispatch("{\"room\":\"%s\"}"), 502, "livekit-error");

		livekit.answerNextWith(FakeLivekit.twirpError(503, "unavailable", "no response from servers"));
		Response unavailable = dispatch("{\"room\":\"%s\"}");
		assertProblem(unavailable, 503, "livekit-unavailable");
		assertThat(unavailable.header("Retry-After")).isEqualTo("5");

		livekit.answerNextWith(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("{\"id\":\"AD_big\",\"metadata\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
			.build());
		assertProblem(dispatch("{\"room\":\"%s\"}"), 502, "livekit-bad-response");

		livekit.handleNextThen((answer) -> answer.onResponseStart(SocketEffect.Stall.INSTANCE));
		assertProblem(dispatch("{\"room\":\"%s\"}"), 504, "livekit-timeout");

		livekit.handleNextThen((answer) -> answer.onResponseStart(new SocketEffect.CloseSocket()));
		assertProblem(dispatch("{\"room\":\"%s\"}"), 502, "livekit-connection-lost");

		// Only the stalled and the dropped calls reached LiveKit's handler, and neither was repeated.
		assertThat(livekit.creates(this.room)).isEqualTo(2);

		assertProblem(delete("AD_nope"), 404, "livekit-not-found");
	}

	private DecodedJWT roomConfigToken(String roomConfig) {
		Response response = this.http.postJson("/api/v1/auth/token",
				"{\"room\":\"%s\",\"identity\":\"u\",\"room_config\":%s}".formatted(this.room, roomConfig));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return LivekitTokens.verify(response.json().path("token").asString(), ServiceTest.API_KEY,
				ServiceTest.API_SECRET);
	}

	private Response dispatch(String json) {
		return this.http.postJson("/api/v1/agent/dispatch", json.formatted(this.room));
	}

	private Response delete(String dispatchId) {
		return this.http.send(HttpRequest
			.newBuilder(URI.create(this.http.base() + "/api/v1/agent/dispatch/" + dispatchId + "?room=" + this.room))
			.DELETE());
	}

}
