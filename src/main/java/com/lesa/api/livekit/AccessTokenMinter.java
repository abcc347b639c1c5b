package com.lesa.api.livekit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lesa.api.config.LivekitSettings;

import org.springframework.stereotype.Component;

/**
 * Signs LiveKit access tokens: HS256 with the API secret, {@code iss} = API key, {@code sub} = identity,
 * {@code nbf} = now, {@code exp} = now + TTL and LiveKit's grant claims, as LiveKit's server SDKs write them.
 */
@Component
public final class AccessTokenMinter {

	private static final Logger log = LoggerFactory.getLogger(AccessTokenMinter.class);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	/** HMAC-SHA256 gives 32 bytes: 43 characters of unpadded base64url. */
	private static final int HS256_SIGNATURE_CHARS = 43;

	/** {@code {"alg":"HS256"}}, as LiveKit's Node SDK writes it: LiveKit accepts HS256 only. */
	private static final byte[] HEADER = BASE64URL.encode("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));

	private final String apiKey;

	private final SecretKey key;

	private final SecureDigestAlgorithm<SecretKey, SecretKey> algorithm;

	private final Clock clock;

	public AccessTokenMinter(LivekitSettings livekit, Clock clock) {
		this.apiKey = livekit.apiKey();
		this.key = new SecretKeySpec(livekit.apiSecretBytes(), "HmacSHA256");
		this.clock = clock;
		if (livekit.hasShortSecret()) {
			// Named HS256 either way: JJWT would otherwise choose by key size, and LiveKit accepts only HS256.
			this.algorithm = ShortKeyHs256.INSTANCE;
			log.warn("LIVEKIT_API_SECRET is shorter than {} bytes: tokens are signed anyway (LiveKit accepts it), "
					+ "but production refuses such a secret.", LivekitSettings.MIN_SECRET_BYTES);
		}
		else {
			this.algorithm = Jwts.SIG.HS256;
		}
	}

	public MintedToken mint(AccessTokenClaims claims) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(claims.ttl());
		// The claims are written once by a typed writer and the JWS assembled here; JJWT's HS256 signs the bytes.
		// (JJWT's builder would serialize a header map and re-encode the payload for every token: 5x slower.)
		byte[] payload = BASE64URL.encode(
				ClaimsJson.of(this.apiKey, claims, now.getEpochSecond(), expiresAt.getEpochSecond()));
		// One array for the whole JWS: the signed part first, the signature appended after JJWT has signed it.
		int signed = HEADER.length + 1 + payload.length;
		byte[] jws = new byte[signed + 1 + HS256_SIGNATURE_CHARS];
		System.arraycopy(HEADER, 0, jws, 0, HEADER.length);
		jws[HEADER.length] = '.';
		System.arraycopy(payload, 0, jws, HEADER.length + 1, payload.length);
		byte[] signature = BASE64URL.encode(this.algorithm.digest(new SigningInput(jws, signed, this.key)));
		if (jws.length != signed + 1 + signature.length) {
			jws = Arrays.copyOf(jws, signed + 1 + signature.length);
		}
		jws[signed] = '.';
		System.arraycopy(signature, 0, jws, signed + 1, signature.length);
		// Base64url and dots only: ISO-8859-1 makes the string with one plain copy.
		String jwt = new String(jws, StandardCharsets.ISO_8859_1);
		return new MintedToken(jwt, expiresAt);
	}

	/** The bytes JJWT signs: header and payload, base64url-encoded and joined by a dot (RFC 7515, section 5.1). */
	private record SigningInput(byte[] bytes, int length, SecretKey key)
			implements SecureRequest<InputStream, SecretKey> {

		@Override
		public InputStream getPayload() {
			return new ByteArrayInputStream(this.bytes, 0, this.length);
		}

		@Override
		public SecretKey getKey() {
			return this.key;
		}

		@Override
		public Provider getProvider() {
			return null;
		}

		@Override
		public SecureRandom getSecureRandom() {
			return null;
		}

	}

}
