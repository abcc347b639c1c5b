package com.lesa.api.config;

import java.util.Locale;

/**
 * How the service listens. Spring Boot reads the ports and the proxy strategy itself; they are bound here too so that
 * start-up checks them, since the image runs ahead-of-time processed and cannot change at start-up what Spring Boot
 * would otherwise have decided from them (a separate management server, Spring's forwarded-header filter).
 *
 * @param port {@code PORT}, as Spring Boot reads it ({@code server.port}); empty: Spring Boot's 8080
 * @param managementPort {@code MANAGEMENT_PORT} ({@code management.server.port}): a port of its own, 0 for any free
 * one
 * @param forwardHeadersStrategy {@code FORWARD_HEADERS_STRATEGY}: {@code none} or {@code native}
 * @param apiDocs {@code API_DOCS_ENABLED}: whether {@code /v3/api-docs} and the Swagger UI are served
 */
public record ServerSettings(Integer port, Integer managementPort, String forwardHeadersStrategy, boolean apiDocs) {

	private static final int SPRING_BOOT_DEFAULT_PORT = 8080;

	/** Whether the management endpoints get a server of their own, away from the public port. */
	boolean managementOnItsOwnPort() {
		int server = (this.port != null) ? this.port : SPRING_BOOT_DEFAULT_PORT;
		return this.managementPort != null && this.managementPort >= 0
				&& (this.managementPort == 0 || this.managementPort != server);
	}

	boolean knownForwardHeadersStrategy() {
		String strategy = (this.forwardHeadersStrategy != null)
				? this.forwardHeadersStrategy.trim().toLowerCase(Locale.ROOT) : "";
		return strategy.equals("none") || strategy.equals("native");
	}

}
