package com.lesa.api.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import com.lesa.api.security.Caller;
import com.lesa.api.security.Callers;
import com.lesa.api.security.RateLimiter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a LiveKit access token for one participant in one room. */
@RestController
@Tag(name = "Tokens")
class TokenController {

	private final TokenService tokens;

	private final Callers callers;

	private final RateLimiter limits;

	TokenController(TokenService tokens, Callers callers, RateLimiter limits) {
		this.tokens = tokens;
		this.callers = callers;
		this.limits = limits;
	}

	@Operation(summary = "Mint a LiveKit access token",
			description = "Returns a token for one participant in one room, and with dispatch_agent dispatches the "
					+ "agent. Works as the endpoint of LiveKit's TokenSource.endpoint.")
	@PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	TokenResponse token(@RequestBody TokenRequest request, HttpServletResponse response) {
		Caller caller = this.callers.current();
		this.limits.tokens(caller);
		TokenResponse token = this.tokens.issue(request, caller);
		// Headers set here, not through a ResponseEntity: Spring MVC works out a ResponseEntity's handler from its
		// generic type and copies its headers at every request, 6% of a token request's CPU (bench/README.md).
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		return token;
	}

}
