package com.lesa.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * The accepted API keys, held only as SHA-256 hashes ({@code AUTH_API_KEY_HASHES}), so the configuration holds no
 * usable secret. A presented key is hashed and compared with every hash in constant time: fixed-length digests,
 * {@link MessageDigest#isEqual}, no early exit, so timing tells nothing about which bytes or which key matched.
 */
final class ApiKeys {

	private final List<byte[]> hashes;

	private final List<String> ids;

	private final BiPredicate<byte[], byte[]> equality;

	ApiKeys(List<String> hexHashes) {
		this(hexHashes, MessageDigest::isEqual);
	}

	ApiKeys(List<String> hexHashes, BiPredicate<byte[], byte[]> equality) {
		this.hashes = hexHashes.stream().map((hash) -> HexFormat.of().parseHex(hash.trim())).toList();
		this.ids = hexHashes.stream().map((hash) -> "key:" + hash.trim().substring(0, 8).toLowerCase(Locale.ROOT)).toList();
		this.equality = equality;
	}

	/** The caller id of the key ({@code key:} and the first 8 hex digits of its hash), or null. */
	String match(String presented) {
		byte[] digest = sha256(presented);
		String matched = null;
		for (int i = 0; i < this.hashes.size(); i++) {
			if (this.equality.test(digest, this.hashes.get(i)) && matched == null) {
				matched = this.ids.get(i);
			}
		}
		return matched;
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
