package com.lesa.api.livekit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
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
		String jwt = Jwts.builder()
			.issuer(this.apiKey)
			.subject(claims.identity())
			.notBefore(Date.from(now))
			.expiration(Date.from(expiresAt))
			.claims(grantClaims(claims))
			.signWith(this.key, this.algorithm)
			.compact();
		return new MintedToken(jwt, expiresAt);
	}

	private static Map<String, Object> grantClaims(AccessTokenClaims claims) {
		Map<String, Object> grants = new LinkedHashMap<>();
		putIfSet(grants, "name", claims.name());
		putIfSet(grants, "metadata", claims.metadata());
		if (claims.attributes() != null && !claims.attributes().isEmpty()) {
			grants.put("attributes", claims.attributes());
		}
		grants.put("video", claims.video().toClaim());
		if (claims.roomConfig() != null) {
			grants.put("roomConfig", claims.roomConfig().toClaim());
		}
		return grants;
	}

	private static void putIfSet(Map<String, Object> claims, String name, String value) {
		if (value != null) {
			claims.put(name, value);
		}
	}

}
