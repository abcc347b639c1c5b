package com.lesa.api.support;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;

/**
 * Verifies LiveKit tokens the way livekit-server does (HS256 only, issuer = API key, {@code exp} required, one
 * minute of leeway), with auth0's java-jwt (the library LiveKit's Kotlin SDK signs with), not JJWT, which signs them.
 */
public final class LivekitTokens {

	private LivekitTokens() {
	}

	public static DecodedJWT verify(String token, String apiKey, String apiSecret) {
		return verify(token, apiKey, apiSecret, Clock.systemUTC());
	}

	/** Verifies as a server whose clock reads {@code clock}. */
	public static DecodedJWT verify(String token, String apiKey, String apiSecret, Clock clock) {
		Verification verification = JWT.require(Algorithm.HMAC256(apiSecret.getBytes(StandardCharsets.UTF_8)))
			.withIssuer(apiKey)
			.withClaimPresence("exp")
			.acceptLeeway(60);
		DecodedJWT decoded = ((JWTVerifier.BaseVerification) verification).build(clock).verify(token);
		if (!"HS256".equals(decoded.getAlgorithm())) {
			throw new AssertionError("LiveKit accepts only HS256, token says " + decoded.getAlgorithm());
		}
		return decoded;
	}

}
