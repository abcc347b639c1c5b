package com.lesa.api.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.ServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the jar serves ({@link ApiDocsConfiguration#DOCUMENT}) is what springdoc generates from the code
 * as it is now: its annotations, the request and response records, and {@link OpenApiGeneration}. Springdoc is on the
 * tests' class path only; here it serves what it generates at a path of its own. When the code changed, regenerate the
 * file with {@code ./mvnw test -Dtest=ApiDocumentIsCurrentTests -Dlesa.api-docs.write=true} and review its diff.
 */
@ServiceTest
@Import(OpenApiGeneration.class)
@TestPropertySource(properties = { "springdoc.api-docs.enabled=true",
		"springdoc.api-docs.path=" + ApiDocumentIsCurrentTests.GENERATED, "springdoc.show-actuator=false",
		"springdoc.paths-to-match=/api/**,/status" })
class ApiDocumentIsCurrentTests {

	static final String GENERATED = "/springdoc-generated-api-docs";

	private static final Path SOURCE = Path.of("src/main/resources", ApiDocsConfiguration.DOCUMENT);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private HttpTestClient http;

	@Test
	void theServedDocumentIsWhatSpringdocGeneratesFromTheCode() throws IOException {
		HttpTestClient.Response response = this.http.get(GENERATED);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode generated = response.json();
		// Where springdoc saw this request come to (the test's random port): the file is served relative to its host.
		((ObjectNode) generated).remove("servers");
		assertThat(generated.path("paths").has("/api/v1/auth/token")).as(response.body()).isTrue();

		if (Boolean.getBoolean("lesa.api-docs.write")) {
			Files.writeString(SOURCE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
		}
		// The source file, which the build copies into the jar as it is.
		JsonNode file = JSON.readTree(SOURCE.toFile());
		assertThat(file).as("%s is not what springdoc generates from the code; regenerate it with "
				+ "./mvnw test -Dtest=ApiDocumentIsCurrentTests -Dlesa.api-docs.write=true", SOURCE)
			.isEqualTo(generated);
	}

}
