package com.lesa.api.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The endpoints that need a caller credential when {@code AUTH_MODE} is not {@code none}: tokens and dispatch.
 * Nothing else does: health, {@code /status}, probes, documentation and CORS preflights stay open in every mode.
 */
final class ProtectedPaths {

	static final RequestMatcher MATCHER = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/api/v1/auth/token"),
			PathPatternRequestMatcher.withDefaults().matcher("/api/v1/agent/dispatch"),
			PathPatternRequestMatcher.withDefaults().matcher("/api/v1/agent/dispatch/**"));

	private ProtectedPaths() {
	}

	static boolean matches(HttpServletRequest request) {
		return MATCHER.matches(request);
	}

}
