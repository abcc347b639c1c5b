package com.lesa.api.livekit;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MintedTokenTests {

	@Test
	void expiresAtTextIsWhatInstantToStringWrites() {
		SplittableRandom random = new SplittableRandom(8);
		long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
		for (int i = 0; i < 200_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(min, max));
			assertThat(MintedToken.iso(instant)).isEqualTo(instant.toString());
		}
		for (String edge : new String[] { "1970-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z",
				"9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2024-02-29T12:34:56Z", "2026-12-05T01:02:03.500Z" }) {
			Instant instant = Instant.parse(edge);
			assertThat(MintedToken.iso(instant)).isEqualTo(instant.toString()).isEqualTo(edge);
		}
	}

	@Test
	void toStringNeverShowsTheToken() {
		MintedToken token = new MintedToken("header.payload.signature", Instant.parse("2026-12-05T01:00:00Z"));

		assertThat(token.toString()).doesNotContain("header", "payload", "signature").contains("2026-12-05T01:00:00Z");
		assertThat(token.expiresAtText()).isEqualTo("2026-12-05T01:00:00Z");
	}

}
