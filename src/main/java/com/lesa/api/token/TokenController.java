package com.lesa.api.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a LiveKit access token for one participant in one room. */
@RestController
@Tag(name = "Tokens")
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@Operation(summary = "Mint a LiveKit access token",
			description = "Returns a token for one participant in one room, and with dispatch_agent dispatches the "
					+ "agent. Works as the endpoint of LiveKit's TokenSource.endpoint.")
	@PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.body(this.tokens.issue(request));
	}

}
