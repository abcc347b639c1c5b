package com.lesa.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;

import com.lesa.api.config.ServerSettings;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Choices made when the service starts that Spring Boot would make with conditions, which the ahead-of-time processed
 * image fixes when the jar is built: virtual request threads on Java 21+, and whether the API documentation is served.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	/** Springdoc's paths: the OpenAPI document (JSON, YAML, per group, Swagger UI's config) and the Swagger UI. */
	static final String[] API_DOCS_PATHS = { "/v3/api-docs*", "/v3/api-docs/**", "/swagger-ui*", "/swagger-ui/**" };

	/** Tomcat serves requests on virtual threads where the JVM has them (Java 21+), as Spring Boot would. */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> virtualRequestThreads() {
		return (factory) -> {
			if (Runtime.version().feature() >= 21) {
				factory.addProtocolHandlerCustomizers(
						(handler) -> handler.setExecutor(new VirtualThreadExecutor("tomcat-handler-")));
			}
		};
	}

	/** With {@code API_DOCS_ENABLED=false}, springdoc's paths answer as any unknown path does. */
	@Bean
	WebMvcConfigurer apiDocsSwitch(ServerSettings server) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				if (!server.apiDocs()) {
					registry.addInterceptor(new HandlerInterceptor() {
						@Override
						public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
								Object handler) throws NoResourceFoundException {
							// What the static resource handler, which answers every unknown path, would say.
							String path = request.getRequestURI();
							throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), path,
									path.substring(1));
						}
					}).addPathPatterns(API_DOCS_PATHS);
				}
			}
		};
	}

}
