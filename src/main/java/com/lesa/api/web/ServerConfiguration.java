package com.lesa.api.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;

import com.lesa.api.config.ServerSettings;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Choices made when the service starts that Spring Boot would make with conditions, which the ahead-of-time processed
 * image fixes when the jar is built: virtual request threads on Java 21+, and whether the API documentation is served;
 * and the connections' buffers kept for reuse.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	/**
	 * The documentation's paths: the OpenAPI document and the Swagger UI ({@link ApiDocsConfiguration}), and what
	 * springdoc served there before (YAML, per group, the Swagger UI's config).
	 */
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

	/**
	 * Tomcat keeps the read and write buffers (8 KB each) of this many closed connections for new ones. Tomcat's own
	 * default keeps none when the heap is under 2 GB, as it is in the image's 512 MiB budget: every connection then
	 * allocates its buffers afresh, and as a connection lives longer than a young collection they are promoted and pile
	 * up in the old generation until a full collection (~47 KB per young collection under {@code bench/http.sh}'s load,
	 * ~6.5 KB with the pool). At most ~4 MB held.
	 */
	static final int CONNECTION_BUFFERS_KEPT = 256;

	/** Reuses closed connections' buffers ({@link #CONNECTION_BUFFERS_KEPT}). */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> connectionBuffers() {
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			if (!connector.setProperty("socket.bufferPool", Integer.toString(CONNECTION_BUFFERS_KEPT))) {
				throw new IllegalStateException("Tomcat no longer accepts socket.bufferPool on its connector");
			}
		});
	}

	/**
	 * With {@code API_DOCS_ENABLED=false}, the documentation's paths answer as any unknown path does. A handler mapping
	 * ahead of all others, matching Spring MVC's own lookup path, so the document's controller is never even looked up
	 * (and never reads the file, {@link ApiDocsController}).
	 */
	@Bean
	HandlerMapping apiDocsSwitch(ServerSettings server) {
		return new ApiDocsOff(server.apiDocs());
	}

	static final class ApiDocsOff extends AbstractHandlerMapping {

		private final List<PathPattern> paths;

		ApiDocsOff(boolean served) {
			this.paths = served ? List.of()
					: Arrays.stream(API_DOCS_PATHS).map(PathPatternParser.defaultInstance::parse).toList();
			setOrder(Ordered.HIGHEST_PRECEDENCE);
		}

		@Override
		protected Object getHandlerInternal(HttpServletRequest request) throws NoResourceFoundException {
			if (this.paths.isEmpty()) {
				return null;
			}
			// Spring MVC's own parsed path (segments matched decoded, as the documentation's mappings would), parsed once
			// per request by the DispatcherServlet: this runs ahead of every request, tokens included.
			PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
					? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
					: PathContainer.parsePath(initLookupPath(request));
			if (!underApiDocs(path)) {
				return null;
			}
			for (PathPattern pattern : this.paths) {
				if (pattern.matches(path)) {
					// What the static resource handler, which answers every unknown path, would say. Thrown while
					// the handler is looked up, so the same exception handling answers it.
					String uri = request.getRequestURI();
					throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), uri, uri.substring(1));
				}
			}
			return null;
		}

		/** Whether the first segment (decoded) is the documentation's: every other request is done with here. */
		private static boolean underApiDocs(PathContainer path) {
			List<PathContainer.Element> elements = path.elements();
			if (elements.size() < 2 || !(elements.get(1) instanceof PathContainer.PathSegment first)) {
				return false;
			}
			String segment = first.valueToMatch();
			return segment.equals("v3") || segment.startsWith("swagger-ui");
		}

	}

}
