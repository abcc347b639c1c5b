package com.lesa.api.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	static String sha256Hex(String key) {
		return HexFormat.of().formatHex(ApiKeys.sha256(key));
	}

	@Test
	void matchWhenKeyIsConfiguredThenCallerIdIsItsHashPrefixNeverTheKey() {
		ApiKeys keys = new ApiKeys(List.of(sha256Hex("first-key"), sha256Hex("second-key").toUpperCase()));

		assertThat(keys.match("first-key")).isEqualTo("key:" + sha256Hex("first-key").substring(0, 8));
		assertThat(keys.match("second-key")).isEqualTo("key:" + sha256Hex("second-key").substring(0, 8));
		assertThat(keys.match("second-key")).doesNotContain("second-key");
	}

	@Test
	void matchWhenKeyIsWrongThenNull() {
		ApiKeys keys = new ApiKeys(List.of(sha256Hex("first-key")));

		assertThat(keys.match("first-kez")).isNull();
		assertThat(keys.match("")).isNull();
		assertThat(keys.match(sha256Hex("first-key"))).as("the hash itself is not a key").isNull();
	}

	@Test
	void matchComparesEveryConfiguredHashInConstantTimeWhateverMatches() {
		AtomicInteger comparisons = new AtomicInteger();
		ApiKeys keys = new ApiKeys(List.of(sha256Hex("a"), sha256Hex("b"), sha256Hex("c")), (x, y) -> {
			comparisons.incrementAndGet();
			assertThat(x).hasSize(32);
			assertThat(y).hasSize(32);
			return MessageDigest.isEqual(x, y);
		});

		keys.match("a");
		assertThat(comparisons).as("no early exit on a match").hasValue(3);
		keys.match("nope");
		assertThat(comparisons).hasValue(6);
	}

}
