package com.lesa.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.lesa.api.web.ProblemWriter;
import com.lesa.api.web.Problems;
import com.lesa.api.web.Refusals;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 with {@code WWW-Authenticate: Bearer} for a missing or bad credential, 403 for a caller refused access; both as
 * problems that do not say which check failed (expired, wrong audience, unknown key...), so they teach an attacker
 * nothing. The reason is logged at DEBUG.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

	private final ProblemWriter problems;

	private final Refusals refusals;

	ProblemAuthenticationEntryPoint(ProblemWriter problems, Refusals refusals) {
		this.problems = problems;
		this.refusals = refusals;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
			throws IOException {
		log.debug("Authentication failed: {}", reason.getClass().getSimpleName());
		this.refusals.count("auth");
		response.setHeader("WWW-Authenticate", "Bearer");
		this.problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
				"Authentication required", "This endpoint needs a valid credential."));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
			throws IOException {
		this.refusals.count("auth");
		this.problems.write(response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This caller may not do this."));
	}

}
