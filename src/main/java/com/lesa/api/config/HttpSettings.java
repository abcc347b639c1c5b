package com.lesa.api.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The HTTP edge: which hosts and origins may call, and how large a request may be.
 *
 * @param trustedHosts {@code TRUSTED_HOSTS}: comma-separated host names the service answers to ({@code *} for any)
 * @param maxRequestBodyBytes {@code MAX_REQUEST_BODY_BYTES}: the largest request body accepted
 * @param cors the {@code CORS_ALLOW_*} settings
 */
public record HttpSettings(@NotEmpty(message = "must list at least one host") List<String> trustedHosts,
		@Min(1024) @Max(1024 * 1024) int maxRequestBodyBytes, @NotNull @Valid Cors cors) {

	/**
	 * Cross-origin rules for browsers.
	 *
	 * @param allowOrigins {@code CORS_ALLOW_ORIGINS}: comma-separated origins ({@code *} for any)
	 * @param allowCredentials {@code CORS_ALLOW_CREDENTIALS}: whether browsers may send cookies and auth headers
	 * @param allowMethods {@code CORS_ALLOW_METHODS}: comma-separated methods ({@code *} for any)
	 * @param allowHeaders {@code CORS_ALLOW_HEADERS}: comma-separated request headers ({@code *} for any)
	 */
	public record Cors(@NotEmpty(message = "must list at least one origin") List<String> allowOrigins,
			boolean allowCredentials, @NotEmpty(message = "must list at least one method") List<String> allowMethods,
			@NotEmpty(message = "must list at least one header") List<String> allowHeaders) {

		public boolean allowsAnyOrigin() {
			return this.allowOrigins != null && this.allowOrigins.stream().anyMatch((origin) -> origin.trim().equals("*"));
		}

		public boolean allowsAnyOriginWithCredentials() {
			return allowsAnyOrigin() && this.allowCredentials;
		}

	}

}
