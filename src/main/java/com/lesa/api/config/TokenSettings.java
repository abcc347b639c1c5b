package com.lesa.api.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits on the tokens this service mints and on what a caller may put in them.
 *
 * @param defaultTtlMinutes {@code DEFAULT_TOKEN_TTL_MINUTES}: lifetime when the request names none
 * @param maxTtlMinutes {@code MAX_TOKEN_TTL_MINUTES}: the longest lifetime a caller may ask for
 * @param maxRoomNameLength {@code MAX_ROOM_NAME_LENGTH}: characters in a room name (LiveKit allows 256 bytes)
 * @param maxIdentityLength {@code MAX_IDENTITY_LENGTH}: characters in an identity (LiveKit allows 256 bytes)
 * @param maxMetadataBytes {@code MAX_METADATA_BYTES}: UTF-8 bytes of participant metadata (LiveKit caps at 512 KiB)
 * @param maxAttributesBytes {@code MAX_ATTRIBUTES_BYTES}: UTF-8 bytes of all attribute keys and values (LiveKit
 * caps at 64 KiB)
 * @param allowedRoomPattern {@code ALLOWED_ROOM_PATTERN}: a regular expression every room name must match fully, for
 * tokens and dispatches alike; empty allows any room
 */
public record TokenSettings(@Min(1) int defaultTtlMinutes, @Min(1) @Max(MAX_TTL_MINUTES) int maxTtlMinutes,
		@Min(1) @Max(LIVEKIT_MAX_NAME_BYTES) int maxRoomNameLength,
		@Min(1) @Max(LIVEKIT_MAX_NAME_BYTES) int maxIdentityLength,
		@Min(0) @Max(LIVEKIT_MAX_METADATA_BYTES) int maxMetadataBytes,
		@Min(0) @Max(LIVEKIT_MAX_ATTRIBUTES_BYTES) int maxAttributesBytes, String allowedRoomPattern) {

	public TokenSettings {
		allowedRoomPattern = (allowedRoomPattern != null) ? allowedRoomPattern : "";
	}

	/** One year: anything longer is a misconfiguration, not a policy. */
	public static final int MAX_TTL_MINUTES = 525_600;

	/** LiveKit's own limits (livekit-server {@code pkg/config/config.go} defaults), counted in UTF-8 bytes. */
	public static final int LIVEKIT_MAX_NAME_BYTES = 256;

	public static final int LIVEKIT_MAX_METADATA_BYTES = 512 * 1024;

	public static final int LIVEKIT_MAX_ATTRIBUTES_BYTES = 64 * 1024;

}
