package com.lesa.api.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What springdoc needs, besides the code's annotations, to generate the OpenAPI document the service serves
 * ({@code src/main/resources/api-docs/openapi.json}, {@link ApiDocumentIsCurrentTests}): its title and description,
 * and what every endpoint can answer besides success, the problem+json errors the edge, validation and the LiveKit
 * client produce, with their status codes.
 */
@TestConfiguration(proxyBeanMethods = false)
class OpenApiGeneration {

	static final String PROBLEM = "Problem";

	/** The document's description; its version is the build's, put in when it is served (ApiDocsController). */
	@Bean
	OpenAPI lesaOpenApi() {
		return new OpenAPI().info(new Info().title("LESA Token & Dispatch API")
			.version("dev")
			.description("Mints LiveKit access tokens for browsers and dispatches the LESA voice agent into rooms. "
					+ "Every error is application/problem+json with a stable type (urn:lesa:problem:<slug>)."));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = operation.getResponses();
				add(responses, "400", "Malformed JSON, or a missing, malformed or untrusted Host header");
				add(responses, "403", "Origin, method or header not allowed by CORS");
				add(responses, "500", "A bug in this service (logged; never described)");
				if (operation.getRequestBody() != null) {
					add(responses, "413", "Body larger than MAX_REQUEST_BODY_BYTES");
					add(responses, "415", "Content-Type is not application/json");
				}
				if (operation.getRequestBody() != null || hasParameters(operation)) {
					add(responses, "422", "Invalid or missing fields, each named in errors");
				}
				if (path.startsWith("/api/v1/agent/dispatch") || path.equals("/api/v1/auth/token")) {
					add(responses, "401", "AUTH_MODE api_key or jwt: missing or invalid credential "
							+ "(WWW-Authenticate: Bearer)");
					add(responses, "403", "The caller may not have this (for example another identity than its own), "
							+ "or CORS refused the origin");
					ApiResponse limited = problem("A rate limit is used up")
						.addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
					responses.putIfAbsent("429", limited);
				}
				if (path.startsWith("/api/v1/agent/dispatch")) {
					livekitResponses(responses, method);
				}
			}));
		};
	}

	private static void livekitResponses(ApiResponses responses, PathItem.HttpMethod method) {
		if (method == PathItem.HttpMethod.DELETE) {
			add(responses, "404", "LiveKit has no such dispatch (upstream_code not_found)");
		}
		add(responses, "502", "LiveKit refused our credentials, or something that is not LiveKit answered");
		ApiResponse unavailable = problem("LiveKit unreachable or unavailable")
			.addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
		responses.putIfAbsent("503", unavailable);
		add(responses, "504", "LiveKit did not answer in time");
	}

	private static boolean hasParameters(Operation operation) {
		return operation.getParameters() != null && !operation.getParameters().isEmpty();
	}

	private static void add(ApiResponses responses, String status, String description) {
		responses.putIfAbsent(status, problem(description));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		ObjectSchema violation = new ObjectSchema();
		violation.setProperties(Map.of("field", new StringSchema().example("room"), "message",
				new StringSchema().example("is required")));
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri").example("urn:lesa:problem:invalid-request"));
		properties.put("title", new StringSchema().example("Invalid request"));
		properties.put("status", new IntegerSchema().example(422));
		properties.put("detail", new StringSchema().example("room is required."));
		properties.put("instance", new StringSchema().example("/api/v1/auth/token"));
		properties.put("errors", new ArraySchema().items(violation).description("422 only: each invalid field"));
		properties.put("upstream_code",
				new StringSchema().description("LiveKit's Twirp error code, when LiveKit answered one")
					.example("unavailable"));
		problem.setProperties(properties);
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

}
