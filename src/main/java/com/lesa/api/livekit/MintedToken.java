package com.lesa.api.livekit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed LiveKit access token and the instant it expires. Its {@code toString} never shows the token.
 *
 * @param jwt the compact JWT
 * @param expiresAt the {@code exp} claim
 */
public record MintedToken(String jwt, Instant expiresAt) {

	public MintedToken {
		Objects.requireNonNull(jwt, "jwt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	@Override
	public String toString() {
		return "MintedToken[expiresAt=" + this.expiresAt + "]";
	}

}
