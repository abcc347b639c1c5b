package com.lesa.api.token;

import java.time.Duration;

import com.lesa.api.config.LivekitSettings;
import com.lesa.api.livekit.AccessTokenClaims;
import com.lesa.api.livekit.AccessTokenMinter;
import com.lesa.api.livekit.MintedToken;
import com.lesa.api.livekit.VideoGrant;

import org.springframework.stereotype.Service;

/** Mints a participant's join token: the hot path, with no I/O. */
@Service
class TokenService {

	private final TokenRequestValidator validator;

	private final AccessTokenMinter minter;

	private final String wsUrl;

	TokenService(TokenRequestValidator validator, AccessTokenMinter minter, LivekitSettings livekit) {
		this.validator = validator;
		this.minter = minter;
		this.wsUrl = livekit.wsUrl().toString();
	}

	TokenResponse issue(TokenRequest request) {
		ParticipantGrant grant = this.validator.validate(request);
		AccessTokenClaims claims = AccessTokenClaims.join(grant.identity(), grant.name(), grant.metadata(),
				grant.attributes(), VideoGrant.join(grant.room(), grant.micOnly()),
				Duration.ofMinutes(grant.ttlMinutes()));
		MintedToken token = this.minter.mint(claims);
		return new TokenResponse(token.jwt(), this.wsUrl, grant.room(), grant.identity(), grant.name(),
				grant.ttlMinutes(), token.expiresAt().toString(), grant.micOnly(), this.wsUrl, token.jwt());
	}

}
