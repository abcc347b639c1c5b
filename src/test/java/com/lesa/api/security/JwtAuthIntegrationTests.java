package com.lesa.api.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.LivekitTokens;
import com.lesa.api.support.ServiceTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code AUTH_MODE=jwt} against an identity provider played by a local HTTP server publishing a freshly generated RSA
 * key; tokens are made with nimbus-jose-jwt, every way an attacker would try.
 */
@ServiceTest
class JwtAuthIntegrationTests {

	private static final String ISSUER = "https://id.example.test/";

	private static final String AUDIENCE = "lesa-api";

	private static final RSAKey KEY = generate("k1");

	private static final RSAKey OTHER_KEY = generate("k2");

	private static final MockWebServer identityProvider = jwks();

	@Autowired
	private HttpTestClient http;

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("AUTH_MODE", () -> "jwt");
		registry.add("AUTH_JWT_ISSUER_URI", () -> ISSUER);
		registry.add("AUTH_JWT_JWK_SET_URI", () -> identityProvider.url("/jwks").toString());
		registry.add("AUTH_JWT_AUDIENCE", () -> AUDIENCE + ",other-api");
	}

	@AfterAll
	static void stop() {
		identityProvider.close();
	}

	@Test
	void validTokenGetsALivekitTokenBoundToItsSubjectWithItsName() {
		Response response = token(signed(claims("user-42")), "{\"room\":\"r\"}");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("identity").asString()).isEqualTo("user-42");
		assertThat(body.path("name").asString()).isEqualTo("Ada Lovelace");
		DecodedJWT livekit = LivekitTokens.verify(body.path("token").asString(), ServiceTest.API_KEY,
				ServiceTest.API_SECRET);
		assertThat(livekit.getSubject()).isEqualTo("user-42");
	}

	@Test
	void sameIdentityAsTheClaimIsAcceptedADifferentOneIs403() {
		assertThat(token(signed(claims("user-42")), "{\"room\":\"r\",\"identity\":\"user-42\"}").status())
			.isEqualTo(200);

		Response other = token(signed(claims("user-42")), "{\"room\":\"r\",\"participant_identity\":\"admin\"}");
		JsonNode problem = assertProblem(other, 403, "forbidden");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("participant_identity");
	}

	@Test
	void tokensThatMustNotPassAre401WithoutSayingWhy() throws Exception {
		Instant now = Instant.now();
		List<String> refused = List.of(signed(builder("u").expirationTime(Date.from(now.minusSeconds(300))).build()),
				signed(builder("u").notBeforeTime(Date.from(now.plusSeconds(600))).build()),
				signed(builder("u").issuer("https://evil.example/").build()),
				signed(builder("u").audience("someone-else").build()),
				signed(builder("u").audience(List.of()).build()),
				signed(builder("u").expirationTime(null).build()),
				new PlainJWT(claims("u")).serialize(),
				hs256WithThePublicKey(claims("u")),
				signedWith(OTHER_KEY, claims("u")),
				signedWith(new RSAKey.Builder(OTHER_KEY).keyID("k1").build(), claims("u")),
				"not.a.jwt", "eyJhbGciOiJSUzI1NiJ9.!!!.???", "");

		for (String credential : refused) {
			Response response = token(credential, "{\"room\":\"r\"}");
			assertProblem(response, 401, "unauthenticated");
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(response.body()).doesNotContainIgnoringCase("expired")
				.doesNotContainIgnoringCase("audience")
				.doesNotContainIgnoringCase("issuer")
				.doesNotContainIgnoringCase("signature");
		}
	}

	@Test
	void healthAndStatusNeedNoToken() {
		assertThat(this.http.get("/api/v1/health").status()).isEqualTo(200);
		assertThat(this.http.get("/status").status()).isEqualTo(200);
	}

	private Response token(String jwt, String body) {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + jwt)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static JWTClaimsSet claims(String subject) {
		return builder(subject).build();
	}

	private static JWTClaimsSet.Builder builder(String subject) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.claim("name", "Ada Lovelace")
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	private static String signed(JWTClaimsSet claims) {
		return signedWith(KEY, claims);
	}

	private static String signedWith(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The classic key confusion: HMAC "signed" with the public key, hoping the verifier uses it as a secret. */
	private static String hs256WithThePublicKey(JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims);
		jwt.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
		return jwt.serialize();
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MockWebServer jwks() {
		MockWebServer server = new MockWebServer();
		String keys = new JWKSet(KEY.toPublicJWK()).toString();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(keys).build();
			}
		});
		try {
			server.start(InetAddress.getLoopbackAddress(), 0);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return server;
	}

}
