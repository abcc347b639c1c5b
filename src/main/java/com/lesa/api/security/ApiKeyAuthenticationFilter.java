package com.lesa.api.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code AUTH_MODE=api_key}: on the protected endpoints, a key in {@code Authorization: Bearer <key>} or
 * {@code X-API-Key} authenticates the caller; a wrong key is a 401 at once. Keys in the query string are ignored:
 * they would end up in logs and browser history.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys keys;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
		this.keys = keys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ProtectedPaths.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presentedKey(request);
		if (presented != null) {
			String caller = this.keys.match(presented);
			if (caller == null) {
				SecurityContextHolder.clearContext();
				this.entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
				return;
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new ApiKeyAuthentication(caller));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private static String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		String header = request.getHeader("X-API-Key");
		return (header != null) ? header.trim() : null;
	}

	/** An authenticated backend caller, named by its key's hash prefix, never by the key. */
	static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

		private final String caller;

		ApiKeyAuthentication(String caller) {
			super(List.of());
			this.caller = caller;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.caller;
		}

	}

}
