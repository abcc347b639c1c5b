package com.lesa.api.web;

import java.util.regex.Pattern;

import com.lesa.api.config.TokenSettings;

import org.springframework.stereotype.Component;

/**
 * What a room name must be, wherever one comes in (tokens, dispatches): an identifier within the length limits, and a
 * full match of {@code ALLOWED_ROOM_PATTERN} when one is set.
 */
@Component
public class RoomPolicy {

	private final int maxLength;

	private final Pattern allowed;

	RoomPolicy(TokenSettings settings) {
		this.maxLength = settings.maxRoomNameLength();
		this.allowed = settings.allowedRoomPattern().isEmpty() ? null : Pattern.compile(settings.allowedRoomPattern());
	}

	public void check(Violations violations, String field, String room) {
		int before = violations.count();
		violations.identifier(field, room, this.maxLength);
		if (violations.count() == before && this.allowed != null && !this.allowed.matcher(room).matches()) {
			violations.add(field, "is not a room this service may grant (ALLOWED_ROOM_PATTERN)");
		}
	}

}
