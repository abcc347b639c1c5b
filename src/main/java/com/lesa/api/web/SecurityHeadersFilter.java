package com.lesa.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the browser-hardening headers on every response, errors and 404s included, before anything else can answer:
 * this API serves JSON only, so nothing may be framed, sniffed, embedded or cached (tokens least of all; {@code Pragma}
 * for HTTP/1.0 caches). HSTS only over HTTPS (directly, or
 * through a proxy whose forwarded headers are trusted by {@code FORWARD_HEADERS_STRATEGY}).
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
			+ "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()";

	static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		apply(response, request.isSecure());
		if (request.getRequestURI().startsWith("/swagger-ui")) {
			// The documentation page is the only HTML served: it gets just what it needs, from this origin only.
			response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
		}
		chain.doFilter(request, response);
	}

	/** Sets every header; also used where Tomcat answers before any filter runs. */
	static void apply(HttpServletResponse response, boolean secure) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		if (secure) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
