package com.lesa.api.security;

import java.net.URI;
import java.net.http.HttpRequest;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits per client IP (AUTH_MODE=none), per room, and the room policy, over real HTTP. */
@ServiceTest
class RateLimitIntegrationTests {

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	@Autowired
	private HttpTestClient http;

	@DynamicPropertySource
	static void limits(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("RATE_LIMIT_TOKENS_PER_MINUTE", () -> "3");
		registry.add("RATE_LIMIT_DISPATCHES_PER_MINUTE", () -> "1000");
		registry.add("RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE", () -> "2");
		registry.add("DISPATCH_CACHE_TTL_SECONDS", () -> "0");
		registry.add("ALLOWED_ROOM_PATTERN", () -> "(rl|room)-[a-z0-9-]+");
	}


	@Test
	void tokenRequestOverTheBudgetIs429WithRetryAfterAndASpoofedForwardedForDoesNotHelp() {
		for (int i = 0; i < 3; i++) {
			assertThat(token(null).status()).isEqualTo(200);
		}

		Response limited = token(null);
		JsonNode problem = assertProblem(limited, 429, "rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(problem.path("detail").asString()).contains("tokens");
		// FORWARD_HEADERS_STRATEGY is none: X-Forwarded-For from this peer is not believed, the bucket stays the same.
		assertProblem(token("203.0.113.7"), 429, "rate-limited");
		assertThat(this.http.get("/api/v1/health").status()).as("health is never limited").isEqualTo(200);
	}

	@Test
	void dispatchesIntoOneRoomAreLimitedForEveryoneTogether() {
		assertThat(dispatch("rl-room-a").status()).isEqualTo(200);
		assertThat(dispatch("rl-room-a").status()).isEqualTo(200);

		Response limited = dispatch("rl-room-a");
		assertProblem(limited, 429, "rate-limited");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(livekit.creates("rl-room-a")).isEqualTo(2);
		assertThat(dispatch("rl-room-b").status()).as("another room has its own budget").isEqualTo(200);
	}

	@Test
	void roomsOutsideTheAllowedPatternAreRefusedForTokensAndDispatches() {
		JsonNode problem = assertProblem(dispatch("other-room"), 422, "invalid-request");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("room");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("ALLOWED_ROOM_PATTERN");
		assertThat(livekit.creates("other-room")).isZero();
	}

	private Response token(String forwardedFor) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"room-1\",\"identity\":\"u\"}"));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.http.send(request);
	}

	private Response dispatch(String room) {
		return this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"" + room + "\"}");
	}

}
