package com.lesa.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import com.lesa.api.config.ServerSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API documentation with {@code API_DOCS_ENABLED}: {@code /v3/api-docs} (OpenAPI 3.1) and the Swagger UI at
 * {@code /swagger-ui.html}. The document is a file of this jar ({@value #DOCUMENT}), which springdoc generates from
 * the code at test time and a test holds to the code ({@code ApiDocumentIsCurrentTests}): springdoc, swagger-core and
 * Jackson 2's YAML module are not in the jar, so a start loads none of their classes (14,080 → 13,259 classes at
 * start, AOT cache 102.9 → 97.1 MB, 140-250 ms less start-up in alternating {@code bench/startup.sh} runs). The
 * Swagger UI's files come from its webjar, with our {@code swagger-initializer.js} pointing at the document. Off, every
 * one of these paths answers as a path that does not exist ({@link ServerConfiguration#apiDocsSwitch}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	/** The OpenAPI document, as springdoc generated it (with no {@code servers}: relative to where it is served). */
	static final String DOCUMENT = "api-docs/openapi.json";

	/** Where the webjar's Maven build recorded its version: the folder its files are under. */
	private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

	@Bean
	WebMvcConfigurer swaggerUi(ServerSettings server) {
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				if (server.apiDocs()) {
					// Our initializer first, then the webjar's files (its own initializer shows a demo document).
					registry.addResourceHandler("/swagger-ui/**")
						.addResourceLocations("classpath:/api-docs/swagger-ui/",
								"classpath:/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/");
				}
			}

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				if (server.apiDocs()) {
					registry.addRedirectViewController("/swagger-ui.html", "/swagger-ui/index.html");
				}
			}

		};
	}

	private static String swaggerUiVersion() {
		Properties pom = new Properties();
		try (InputStream in = new ClassPathResource(SWAGGER_UI_POM).getInputStream()) {
			pom.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The Swagger UI webjar is not on the class path (" + SWAGGER_UI_POM + ")",
					ex);
		}
		return pom.getProperty("version");
	}

}
