package com.lesa.api.livekit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.lesa.api.config.LivekitSettings;
import com.lesa.api.support.LivekitTokens;
import com.lesa.api.support.Logs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class AccessTokenMinterTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.750Z");

	private static final String LONG_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void mintWhenJoinThenTokenCarriesEveryClaimLivekitReads() {
		AccessTokenMinter minter = minter("APIkey123", LONG_SECRET);
		MintedToken token = minter.mint(AccessTokenClaims.join("user-123", "Alice", "{\"plan\":\"pro\"}",
				Map.of("lang", "en"), VideoGrant.join("support-42", false), Duration.ofMinutes(90)));

		DecodedJWT jwt = LivekitTokens.verify(token.jwt(), "APIkey123", LONG_SECRET, this.clock);
		assertThat(jwt.getIssuer()).isEqualTo("APIkey123");
		assertThat(jwt.getSubject()).isEqualTo("user-123");
		assertThat(jwt.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-12-04T10:15:30Z"));
		assertThat(jwt.getExpiresAt().toInstant()).isEqualTo(Instant.parse("2026-12-04T11:45:30Z"));
		assertThat(token.expiresAt()).isEqualTo(jwt.getExpiresAt().toInstant());
		assertThat(jwt.getClaim("name").asString()).isEqualTo("Alice");
		assertThat(jwt.getClaim("metadata").asString()).isEqualTo("{\"plan\":\"pro\"}");
		assertThat(jwt.getClaim("attributes").asMap()).isEqualTo(Map.of("lang", "en"));
		assertThat(jwt.getClaim("video").asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("roomJoin", true, "room",
				"support-42", "canPublish", true, "canSubscribe", true, "canPublishData", true));
		assertThat(jwt.getClaims()).doesNotContainKeys("roomConfig", "identity", "kind", "sip", "agent");
	}

	@Test
	void mintWhenMicOnlyThenOnlyMicrophoneMayBePublished() {
		MintedToken token = minter("k", LONG_SECRET)
			.mint(AccessTokenClaims.join("u", null, null, null, VideoGrant.join("r", true), Duration.ofMinutes(5)));

		Map<String, Object> video = LivekitTokens.verify(token.jwt(), "k", LONG_SECRET, this.clock).getClaim("video").asMap();
		assertThat(video).containsEntry("canPublishSources", List.of("microphone"))
			.containsEntry("canPublish", true)
			.containsEntry("canPublishData", true);
	}

	@Test
	void mintWhenOptionalClaimsAbsentThenTheyAreOmitted() {
		MintedToken token = minter("k", LONG_SECRET)
			.mint(AccessTokenClaims.join("u", null, null, Map.of(), VideoGrant.join("r", false), Duration.ofMinutes(5)));

		DecodedJWT jwt = LivekitTokens.verify(token.jwt(), "k", LONG_SECRET, this.clock);
		assertThat(jwt.getClaims()).containsOnlyKeys("iss", "sub", "nbf", "exp", "video");
		assertThat(jwt.getClaim("video").asMap()).doesNotContainKey("canPublishSources");
	}

	@Test
	void mintWhenSecretIsLivekitDevSecretThenSignsHs256WithIt() {
		MintedToken token = minter("devkey", "secret")
			.mint(AccessTokenClaims.join("u", null, null, null, VideoGrant.join("r", false), Duration.ofMinutes(5)));

		DecodedJWT jwt = LivekitTokens.verify(token.jwt(), "devkey", "secret", this.clock);
		assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> LivekitTokens.verify(token.jwt(), "devkey", "secreT", this.clock));
	}

	@Test
	void minterWhenSecretIsShortThenWarnsOnceAndOnlyThen(CapturedOutput output) {
		// Logging is asynchronous: what earlier tests logged is out before this test looks.
		int earlier = Logs.mark(output);
		minter("k", LONG_SECRET);
		assertThat(Logs.since(output, earlier)).doesNotContain("LIVEKIT_API_SECRET is shorter");

		AccessTokenMinter minter = minter("devkey", "secret");
		for (int i = 0; i < 3; i++) {
			minter.mint(AccessTokenClaims.join("u", null, null, null, VideoGrant.join("r", false), Duration.ofMinutes(1)));
		}
		String logged = Logs.since(output, earlier);
		assertThat(logged.split("LIVEKIT_API_SECRET is shorter", -1)).hasSize(2);
		assertThat(logged).doesNotContain("secret\"").doesNotContain("=secret");
	}

	@Test
	void mintWhenSecretIsLongerThan64BytesThenStillHs256() {
		String secret = LONG_SECRET + LONG_SECRET;
		MintedToken token = minter("k", secret)
			.mint(AccessTokenClaims.join("u", null, null, null, VideoGrant.join("r", false), Duration.ofMinutes(5)));

		String header = new String(Base64.getUrlDecoder().decode(token.jwt().split("\\.")[0]));
		assertThat(header).isEqualTo("{\"alg\":\"HS256\"}");
		LivekitTokens.verify(token.jwt(), "k", secret, this.clock);
	}

	@Test
	void mintWhenServerApiThenExactlyRoomAdminForTheRoomAndNoIdentity() {
		MintedToken token = minter("k", LONG_SECRET)
			.mint(AccessTokenClaims.serverApi("support-42", Duration.ofMinutes(10)));

		DecodedJWT jwt = LivekitTokens.verify(token.jwt(), "k", LONG_SECRET, this.clock);
		assertThat(jwt.getClaim("video").asMap()).isEqualTo(Map.of("roomAdmin", true, "room", "support-42"));
		assertThat(jwt.getSubject()).isNull();
		assertThat(Duration.between(jwt.getNotBefore().toInstant(), jwt.getExpiresAt().toInstant()))
			.isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void claimsWhenJoinWithoutIdentityThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AccessTokenClaims.join(" ", null, null, null,
				VideoGrant.join("r", false), Duration.ofMinutes(1)));
	}

	@Test
	void mintWhenValuesNeedJsonEscapingThenTheyComeBackExactly() {
		String tricky = "quote\" backslash\\ newline\n tab\t nul\u0000 bell\u0007 ls\u2028 \u00e9\u4e2d\ud83d\ude00 </script>";
		MintedToken token = minter("k", LONG_SECRET).mint(AccessTokenClaims
			.join("id\"\\", tricky, tricky, Map.of("k\"ey", tricky, "\u00e9", "\\"), VideoGrant.join("r\\\"", false),
					Duration.ofMinutes(1))
			.withRoomConfig(new RoomConfiguration(List.of(new RoomConfiguration.Agent("py-agent", tricky)))));

		DecodedJWT jwt = LivekitTokens.verify(token.jwt(), "k", LONG_SECRET, this.clock);
		assertThat(jwt.getSubject()).isEqualTo("id\"\\");
		assertThat(jwt.getClaim("name").asString()).isEqualTo(tricky);
		assertThat(jwt.getClaim("metadata").asString()).isEqualTo(tricky);
		assertThat(jwt.getClaim("attributes").asMap()).isEqualTo(Map.of("k\"ey", tricky, "\u00e9", "\\"));
		assertThat(jwt.getClaim("video").asMap()).containsEntry("room", "r\\\"");
		assertThat(jwt.getClaim("roomConfig").asMap())
			.isEqualTo(Map.of("agents", List.of(Map.of("agentName", "py-agent", "metadata", tricky))));
	}

	@Test
	void mintedTokenToStringNeverShowsTheToken() {
		MintedToken token = minter("k", LONG_SECRET)
			.mint(AccessTokenClaims.join("u", null, null, null, VideoGrant.join("r", false), Duration.ofMinutes(1)));

		assertThat(token.toString()).doesNotContain(token.jwt()).doesNotContain("eyJ");
	}

	private AccessTokenMinter minter(String key, String secret) {
		LivekitSettings settings = new LivekitSettings(URI.create("ws://localhost:7880"),
				URI.create("http://localhost:7880"), key, secret);
		return new AccessTokenMinter(settings, this.clock);
	}

}
