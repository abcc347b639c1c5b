package com.lesa.api.config;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Who may call the token and dispatch endpoints.
 *
 * @param mode {@code AUTH_MODE}: {@code none}, {@code api_key} or {@code jwt}
 * @param apiKeyHashes {@code AUTH_API_KEY_HASHES}: comma-separated SHA-256 hashes (hex) of the accepted keys
 * @param jwtIssuerUri {@code AUTH_JWT_ISSUER_URI}: the identity provider's issuer; tokens must carry it as
 * {@code iss}, and its JWK set is found from its metadata unless {@code AUTH_JWT_JWK_SET_URI} is given
 * @param jwtJwkSetUri {@code AUTH_JWT_JWK_SET_URI}: where the identity provider publishes its signing keys
 * @param jwtAudiences {@code AUTH_JWT_AUDIENCE}: comma-separated; a token's {@code aud} must name one of them
 * @param jwtAlgorithms {@code AUTH_JWT_ALGORITHMS}: accepted signature algorithms (asymmetric only)
 * @param identityClaim {@code AUTH_IDENTITY_CLAIM}: the claim the LiveKit identity is bound to
 * @param nameClaim {@code AUTH_NAME_CLAIM}: the claim the display name defaults from
 */
public record AuthSettings(@NotNull AuthMode mode, List<String> apiKeyHashes, URI jwtIssuerUri, URI jwtJwkSetUri,
		List<String> jwtAudiences, @NotNull List<String> jwtAlgorithms,
		@NotBlank(message = "is required") String identityClaim, @NotBlank(message = "is required") String nameClaim) {

	public AuthSettings {
		apiKeyHashes = (apiKeyHashes != null) ? List.copyOf(apiKeyHashes) : List.of();
		jwtAudiences = (jwtAudiences != null) ? List.copyOf(jwtAudiences) : List.of();
		jwtAlgorithms = (jwtAlgorithms != null) ? List.copyOf(jwtAlgorithms) : List.of();
	}

}
