package com.lesa.api.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.ServiceTest;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the service serves (generated from the code, {@link ApiDocumentIsCurrentTests}) lists every
 * endpoint and every field we serve.
 */
@ServiceTest
class OpenApiDocumentTests {

	@Autowired
	private HttpTestClient http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void documentListsEveryEndpointWithEveryFieldInSnakeCaseAndItsErrors() {
		JsonNode document = this.http.get("/v3/api-docs").json();
		JsonNode paths = document.path("paths");
		JsonNode schemas = document.path("components").path("schemas");
		List<String> checked = new ArrayList<>();

		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("com.lesa.api")
					|| handler.getBeanType() == ProblemErrorController.class
					|| handler.getBeanType() == ApiDocsController.class) {
				continue;
			}
			for (String path : entry.getKey().getPatternValues()) {
				for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
					JsonNode operation = paths.path(path).path(method.name().toLowerCase());
					assertThat(operation.isObject()).as("%s %s documented", method, path).isTrue();
					assertThat(operation.path("responses").has("200")).isTrue();
					assertThat(operation.path("responses").path("500").path("content").has("application/problem+json"))
						.as("%s %s documents its errors", method, path)
						.isTrue();
					checked.add(method + " " + path);
				}
			}
			for (Class<?> type : bodyTypes(handler.getMethod())) {
				assertFieldsDocumented(type, schemas, new HashSet<>());
			}
		}

		assertThat(checked).contains("POST /api/v1/auth/token", "POST /api/v1/agent/dispatch",
				"GET /api/v1/agent/dispatch", "DELETE /api/v1/agent/dispatch/{dispatch_id}", "GET /api/v1/health",
				"GET /status");
		assertThat(paths.path("/api/v1/auth/token").path("post").path("responses").path("422").path("content")
			.has("application/problem+json")).isTrue();
		for (String status : new String[] { "401", "429" }) {
			assertThat(paths.path("/api/v1/auth/token").path("post").path("responses").has(status)).as(status).isTrue();
			assertThat(paths.path("/api/v1/agent/dispatch").path("post").path("responses").has(status)).as(status)
				.isTrue();
		}
		assertThat(paths.path("/api/v1/health").path("get").path("responses").has("401")).isFalse();
		assertThat(schemas.path("Problem").path("properties").has("errors")).isTrue();
	}

	@Test
	void swaggerUiGetsOnlyTheContentSecurityPolicyItNeedsAndTheApiKeepsTheStrictOne() {
		HttpTestClient.Response page = this.http.get("/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.SWAGGER_UI_POLICY)
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-eval");
		assertThat(this.http.get("/v3/api-docs").header("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; frame-ancestors 'none'");
	}

	private static void assertFieldsDocumented(Class<?> type, JsonNode schemas, Set<Class<?>> seen) {
		if (!type.isRecord() || !seen.add(type)) {
			return;
		}
		Schema schema = type.getAnnotation(Schema.class);
		String name = (schema != null && !schema.name().isEmpty()) ? schema.name() : type.getSimpleName();
		JsonNode properties = schemas.path(name).path("properties");
		assertThat(properties.isObject()).as("schema %s", name).isTrue();
		for (RecordComponent component : type.getRecordComponents()) {
			JsonProperty json = component.getAccessor().getAnnotation(JsonProperty.class);
			String field = (json != null) ? json.value() : component.getName();
			assertThat(properties.has(field)).as("%s.%s documented", name, field).isTrue();
			for (Class<?> nested : classesOf(component.getGenericType())) {
				assertFieldsDocumented(nested, schemas, seen);
			}
		}
	}

	private static List<Class<?>> bodyTypes(Method method) {
		List<Class<?>> types = new ArrayList<>(classesOf(method.getGenericReturnType()));
		for (Parameter parameter : method.getParameters()) {
			if (parameter.isAnnotationPresent(RequestBody.class)) {
				types.add(parameter.getType());
			}
		}
		return types;
	}

	private static List<Class<?>> classesOf(Type type) {
		List<Class<?>> classes = new ArrayList<>();
		if (type instanceof Class<?> plain && plain != ResponseEntity.class) {
			classes.add(plain);
		}
		else if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				classes.addAll(classesOf(argument));
			}
		}
		return classes;
	}

}
