package com.lesa.api.livekit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What goes into one LiveKit access token.
 *
 * @param identity the participant identity ({@code sub}); null only for server API tokens
 * @param name display name, or null
 * @param metadata participant metadata, or null
 * @param attributes participant attributes, or null
 * @param video the room grant
 * @param roomConfig agents to dispatch when the join creates the room, or null
 * @param ttl how long the token is valid, from now
 */
public record AccessTokenClaims(String identity, String name, String metadata, Map<String, String> attributes,
		VideoGrant video, RoomConfiguration roomConfig, Duration ttl) {

	public AccessTokenClaims {
		Objects.requireNonNull(video, "video");
		Objects.requireNonNull(ttl, "ttl");
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("ttl must be positive");
		}
		if (video.roomJoin() && (identity == null || identity.isBlank())) {
			throw new IllegalArgumentException("identity is required for join");
		}
		attributes = (attributes != null) ? Map.copyOf(attributes) : null;
	}

	/** A participant's join token. */
	public static AccessTokenClaims join(String identity, String name, String metadata, Map<String, String> attributes,
			VideoGrant video, Duration ttl) {
		return new AccessTokenClaims(identity, name, metadata, attributes, video, null, ttl);
	}

	/** The same claims with agents to dispatch when the join creates the room. */
	public AccessTokenClaims withRoomConfig(RoomConfiguration config) {
		return new AccessTokenClaims(this.identity, this.name, this.metadata, this.attributes, this.video, config,
				this.ttl);
	}

	/** The token for one server API call on {@code room}. */
	public static AccessTokenClaims serverApi(String room, Duration ttl) {
		return new AccessTokenClaims(null, null, null, null, VideoGrant.admin(room), null, ttl);
	}

}
