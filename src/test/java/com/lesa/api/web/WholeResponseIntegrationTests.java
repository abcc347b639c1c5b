package com.lesa.api.web;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Small answers go out whole, with their length; large ones still arrive complete. */
@ServiceTest
class WholeResponseIntegrationTests {

	@Autowired
	private HttpTestClient http;

	@Test
	void tokenHealthAndProblemsCarryContentLengthNotChunks() {
		Response token = this.http.postJson("/api/v1/auth/token", "{\"room\":\"r1\",\"identity\":\"alice\"}");
		Response health = this.http.get("/api/v1/health");
		Response problem = this.http.postJson("/api/v1/auth/token", "{\"room\":\"r1\"}");
		Response notFound = this.http.get("/nowhere");

		for (Response response : new Response[] { token, health, problem, notFound }) {
			assertThat(response.header("Transfer-Encoding")).isNull();
			assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.raw().body().length()));
		}
		assertThat(token.status()).isEqualTo(200);
		assertThat(problem.status()).isEqualTo(422);
		assertThat(notFound.status()).isEqualTo(404);
	}

	@Test
	void answerLargerThanTheBufferArrivesWhole() {
		Response docs = this.http.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().length()).isGreaterThan(8192);
		assertThat(docs.json().path("paths").has("/api/v1/auth/token")).isTrue();
	}

}
