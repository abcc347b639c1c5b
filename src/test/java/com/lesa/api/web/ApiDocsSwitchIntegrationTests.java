package com.lesa.api.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code API_DOCS_ENABLED=false} (production's default): every documentation path, springdoc's old ones included,
 * answers exactly as a path that does not exist.
 */
@ServiceTest
@TestPropertySource(properties = "API_DOCS_ENABLED=false")
class ApiDocsSwitchIntegrationTests {

	@Autowired
	private HttpTestClient http;

	@Autowired
	private ApiDocsController documents;

	@Test
	void theDocumentIsNeverReadNotEvenByRequestsForIt() {
		// The switch answers before Spring MVC looks up a handler, so the controller never reads the file.
		assertThat(this.http.get("/v3/api-docs").status()).isEqualTo(404);
		assertThat(this.http.get("/swagger-ui/index.html").status()).isEqualTo(404);
		assertThat(this.documents.documentRead()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
			"/v3/api-docs/default", "/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-ui.css",
			"/swagger-ui/swagger-initializer.js", "/swagger-ui/", "/v3/api%2Ddocs", "/swagger%2Dui/index.html" })
	void apiDocumentationPathsAnswerAsUnknownPaths(String path) {
		Response docs = this.http.get(path);
		Response unknown = this.http.get("/no-such-path");

		assertProblem(docs, 404, "not-found");
		assertProblem(unknown, 404, "not-found");
		// Word for word the unknown path's answer (which names the path asked for), nothing of the documentation.
		assertThat(docs.body()).isEqualTo(unknown.body().replace("no-such-path", path.substring(1)));
		assertThat(docs.contentType()).isEqualTo(unknown.contentType());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/health", "/status" })
	void theApiItselfIsServed(String path) {
		assertThat(this.http.get(path).status()).isEqualTo(200);
	}

}
