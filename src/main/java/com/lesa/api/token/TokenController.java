package com.lesa.api.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.lesa.api.security.Caller;
import com.lesa.api.security.Callers;
import com.lesa.api.security.RateLimiter;

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
	TokenResponse token(@RequestBody TokenRequest request) {
		// The record itself, not a ResponseEntity (whose handler Spring MVC works out from its generic type at every
		// request, bench/README.md); Cache-Control and Pragma come from SecurityHeadersFilter, as on every answer.
		Caller caller = this.callers.current();
		this.limits.tokens(caller);
		return this.tokens.issue(request, caller);
	}

}
