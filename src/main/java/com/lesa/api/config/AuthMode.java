package com.lesa.api.config;

/** How callers of the token and dispatch endpoints prove who they are. */
public enum AuthMode {

	/** Nobody is asked: anyone who reaches the service may call it (the original service's behaviour). */
	NONE,

	/** A key from {@code AUTH_API_KEY_HASHES}, for backend callers. */
	API_KEY,

	/** The caller's own session JWT from the app's identity provider, validated against its JWK set. */
	JWT;

	@Override
	public String toString() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
