package com.lesa.api.token;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a LiveKit access token for one participant in one room. */
@RestController
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache")
			.body(this.tokens.issue(request));
	}

}
