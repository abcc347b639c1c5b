package com.lesa.api.livekit;

import java.util.List;
import java.util.Objects;

/**
 * The {@code video} claim of a LiveKit token: what its holder may do in which room. Only the grants this service
 * hands out are modelled; absent ones are omitted, as LiveKit's SDKs do.
 *
 * @param roomJoin may join {@code room}
 * @param roomAdmin may administer {@code room} (server API calls only, never in a browser token)
 * @param room the room the grant is for
 * @param canPublish may publish tracks
 * @param canSubscribe may subscribe to tracks
 * @param canPublishData may send data messages
 * @param canPublishSources when set, the only track sources that may be published
 */
public record VideoGrant(boolean roomJoin, boolean roomAdmin, String room, Boolean canPublish, Boolean canSubscribe,
		Boolean canPublishData, List<String> canPublishSources) {

	/** The {@code TrackSource} name of a microphone, lowercased as LiveKit writes it. */
	public static final String MICROPHONE = "microphone";

	public VideoGrant {
		Objects.requireNonNull(room, "room");
		if (room.isBlank()) {
			throw new IllegalArgumentException("room must not be blank");
		}
		canPublishSources = (canPublishSources != null) ? List.copyOf(canPublishSources) : null;
	}

	/** A participant joining {@code room}; with {@code micOnly} it may publish its microphone and nothing else. */
	public static VideoGrant join(String room, boolean micOnly) {
		return new VideoGrant(true, false, room, true, true, true, micOnly ? List.of(MICROPHONE) : null);
	}

	/** What LiveKit's server API requires to manage {@code room}, exactly as the official SDKs send it. */
	public static VideoGrant admin(String room) {
		return new VideoGrant(false, true, room, null, null, null, null);
	}

}
