package com.lesa.api.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What each {@code AUTH_MODE} needs, checked at start-up. */
final class AuthRules {

	/** Asymmetric algorithms only: a shared secret would have to live here too, and HS256 invites key confusion. */
	static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
			"ES384", "ES512");

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private AuthRules() {
	}

	static void check(AuthSettings auth, List<String> problems) {
		if (auth.mode() == AuthMode.API_KEY) {
			if (auth.apiKeyHashes().isEmpty()) {
				problems.add("AUTH_API_KEY_HASHES is required with AUTH_MODE=api_key");
			}
			for (int i = 0; i < auth.apiKeyHashes().size(); i++) {
				if (!SHA256_HEX.matcher(auth.apiKeyHashes().get(i).trim()).matches()) {
					problems.add("AUTH_API_KEY_HASHES entry " + (i + 1) + " is not a SHA-256 hash (64 hex digits)");
				}
			}
		}
		if (auth.mode() == AuthMode.JWT) {
			if (auth.jwtIssuerUri() == null && auth.jwtJwkSetUri() == null) {
				problems.add("AUTH_JWT_ISSUER_URI or AUTH_JWT_JWK_SET_URI is required with AUTH_MODE=jwt");
			}
			if (auth.jwtAudiences().isEmpty()) {
				problems.add("AUTH_JWT_AUDIENCE is required with AUTH_MODE=jwt");
			}
			if (auth.jwtAlgorithms().isEmpty()
					|| !auth.jwtAlgorithms().stream().map(String::trim).allMatch(ALGORITHMS::contains)) {
				problems.add("AUTH_JWT_ALGORITHMS must list only asymmetric algorithms such as RS256 or ES256");
			}
		}
	}

}
