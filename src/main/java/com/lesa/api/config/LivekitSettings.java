package com.lesa.api.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where the LiveKit server is and the API key pair that signs tokens for it.
 *
 * @param wsUrl {@code LIVEKIT_WS_URL}: the {@code ws(s)://} URL browsers connect to
 * @param url {@code LIVEKIT_URL}: the URL this service calls LiveKit's server API on
 * @param apiKey {@code LIVEKIT_API_KEY}: the API key, the tokens' issuer
 * @param apiSecret {@code LIVEKIT_API_SECRET}: the API secret that signs tokens; never logged
 */
public record LivekitSettings(@NotNull(message = "is required") URI wsUrl,
		@NotNull(message = "is required") URI url, @NotBlank(message = "is required") String apiKey,
		@NotBlank(message = "is required") String apiSecret) {

	/** The key pair of {@code livekit-server --dev}. */
	public static final String DEV_API_KEY = "devkey";

	public static final String DEV_API_SECRET = "secret";

	/** HS256 wants a key of at least 256 bits (RFC 7518, section 3.2). */
	public static final int MIN_SECRET_BYTES = 32;

	public byte[] apiSecretBytes() {
		return apiSecret.getBytes(StandardCharsets.UTF_8);
	}

	public boolean hasShortSecret() {
		return apiSecretBytes().length < MIN_SECRET_BYTES;
	}

	public boolean usesDevKeyPair() {
		return DEV_API_KEY.equals(apiKey) || DEV_API_SECRET.equals(apiSecret);
	}

	@Override
	public String toString() {
		return "LivekitSettings[wsUrl=" + wsUrl + ", url=" + url + ", apiKey=" + apiKey + ", apiSecret=******]";
	}

}
