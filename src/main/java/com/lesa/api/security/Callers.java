package com.lesa.api.security;

import jakarta.servlet.http.HttpServletRequest;

import com.lesa.api.config.AuthSettings;
import com.lesa.api.web.AccessLog;
import com.lesa.api.web.ForbiddenException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Finds the {@link Caller} of the current request: the JWT's subject and bound identity claim in jwt mode, the key's
 * hash prefix in api_key mode, otherwise the client IP (from the socket, or from {@code X-Forwarded-For} only when
 * Tomcat trusts the proxy it came through).
 */
@Component
public class Callers {

	private final String identityClaim;

	private final String nameClaim;

	Callers(AuthSettings auth) {
		this.identityClaim = auth.identityClaim();
		this.nameClaim = auth.nameClaim();
	}

	public Caller current() {
		Caller caller = resolve(SecurityContextHolder.getContext().getAuthentication());
		AccessLog.field("caller", caller.id());
		return caller;
	}

	private Caller resolve(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			Jwt jwt = token.getToken();
			Object identity = jwt.getClaims().get(this.identityClaim);
			if (!(identity instanceof String bound) || bound.isBlank()) {
				throw new ForbiddenException("identity", "cannot be bound: the credential has no " + this.identityClaim
						+ " claim");
			}
			Object name = jwt.getClaims().get(this.nameClaim);
			String subject = (jwt.getSubject() != null) ? jwt.getSubject() : bound;
			return new Caller("user:" + subject, bound, (name instanceof String text) ? text : null);
		}
		if (authentication instanceof ApiKeyAuthenticationFilter.ApiKeyAuthentication key) {
			return new Caller((String) key.getPrincipal(), null, null);
		}
		return new Caller("ip:" + clientIp(), null, null);
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "unknown";
	}

}
