package com.lesa.api.support;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every error answer must pass: RFC 9457 problem+json, a stable type, and nothing internal leaked. */
public final class Problems {

	private Problems() {
	}

	public static JsonNode assertProblem(HttpTestClient.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertNothingInternal(response.body());
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString()).isEqualTo("urn:lesa:problem:" + type);
		assertThat(problem.path("title").asString()).isNotBlank();
		return problem;
	}

	public static void assertNothingInternal(String body) {
		assertThat(body).doesNotContain("Exception", "\tat ", "at com.", "at org.", "at java.", "tools.jackson",
				"springframework", "eyJ");
	}

}
