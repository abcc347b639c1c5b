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

import com.lesa.api.config.ServerSettings;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The OpenAPI document's description of what every endpoint can answer besides success: the problem+json errors the
 * edge, validation and the LiveKit client produce, with their status codes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "Problem";

	/** Springdoc's Spring MVC configurer for the Swagger UI's files ({@link #swaggerUiFiles}). */
	static final String SWAGGER_UI_CONFIGURER = "swaggerWebMvcConfigurer";

	/**
	 * Springdoc's beans, and the document's own below, are made when the documentation is first asked for, not at
	 * every start: production has it off, and making them loads swagger-core and a Jackson 2 mapper. The
	 * ahead-of-time processing records the lazy flag with the bean definitions. Spring MVC makes every
	 * {@code WebMvcConfigurer} at start, lazy or not, so springdoc's is not one Spring MVC sees: it is reached
	 * through {@link #swaggerUiFiles} only.
	 */
	@Bean
	static BeanFactoryPostProcessor apiDocsOnDemand() {
		return (beanFactory) -> {
			for (String name : beanFactory.getBeanDefinitionNames()) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				if (isSpringdoc(definition.getBeanClassName()) || isSpringdoc(definition.getFactoryBeanName())) {
					definition.setLazyInit(true);
				}
			}
			if (beanFactory.containsBeanDefinition(SWAGGER_UI_CONFIGURER)) {
				beanFactory.getBeanDefinition(SWAGGER_UI_CONFIGURER).setAutowireCandidate(false);
			}
		};
	}

	/**
	 * Springdoc's Swagger UI configurer when the documentation is served; nothing otherwise, so that a production
	 * start makes none of springdoc's beans (its configurer needs springdoc's object mapper provider, with swagger-core's
	 * Jackson 2 mappers, its index transformer and more). Its only work is adding the UI's resource handlers; every
	 * other {@code WebMvcConfigurer} method of it is empty (springdoc 3.1).
	 */
	@Bean
	WebMvcConfigurer swaggerUiFiles(ServerSettings server, BeanFactory beans) {
		return new WebMvcConfigurer() {
			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				// No such bean (springdoc renamed it) fails the start with the documentation on, not silently.
				if (server.apiDocs()) {
					beans.getBean(SWAGGER_UI_CONFIGURER, WebMvcConfigurer.class).addResourceHandlers(registry);
				}
			}
		};
	}

	private static boolean isSpringdoc(String name) {
		return name != null && name.startsWith("org.springdoc.");
	}

	@Bean
	@Lazy
	OpenAPI lesaOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI().info(new Info().title("LESA Token & Dispatch API")
			.version((properties != null) ? properties.getVersion() : "dev")
			.description("Mints LiveKit access tokens for browsers and dispatches the LESA voice agent into rooms. "
					+ "Every error is application/problem+json with a stable type (urn:lesa:problem:<slug>)."));
	}

	@Bean
	@Lazy
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
