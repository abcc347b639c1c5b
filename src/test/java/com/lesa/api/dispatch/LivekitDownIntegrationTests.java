package com.lesa.api.dispatch;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.LivekitTokens;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** LiveKit down (nothing listens on {@code LIVEKIT_URL}): dispatch says so, everything else keeps working. */
@ServiceTest
class LivekitDownIntegrationTests {

	@Autowired
	private HttpTestClient http;

	@Test
	void dispatchWhenConnectionRefusedThen503WithRetryAfter() {
		Response response = this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"down-1\"}");

		assertProblem(response, 503, "livekit-unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertProblem(this.http.get("/api/v1/agent/dispatch?room=down-1"), 503, "livekit-unavailable");
	}

	@Test
	void tokenWithDispatchAgentWhenLivekitDownThenTokenWithDispatchError() {
		Response response = this.http.postJson("/api/v1/auth/token",
				"{\"room\":\"down-2\",\"identity\":\"u\",\"dispatch_agent\":true}");

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		LivekitTokens.verify(body.path("token").asString(), ServiceTest.API_KEY, ServiceTest.API_SECRET);
		assertThat(body.path("agent_dispatched").asBoolean()).isFalse();
		assertThat(body.path("dispatch_error").path("code").asString()).isEqualTo("livekit_unavailable");
	}

	@Test
	void tokensAndHealthKeepWorkingWhileLivekitIsDown() {
		this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"down-3\"}");

		assertThat(this.http.postJson("/api/v1/auth/token", "{\"room\":\"r\",\"identity\":\"u\"}").status())
			.isEqualTo(200);
		assertThat(this.http.get("/api/v1/health").json().path("status").asString()).isEqualTo("healthy");
	}

}
