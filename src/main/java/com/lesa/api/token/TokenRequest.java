package com.lesa.api.token;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/auth/token}: the original service's fields, and LiveKit's standard token-endpoint
 * fields ({@code room_name}, {@code participant_*}, {@code room_config}) as aliases, so {@code TokenSource.endpoint}
 * of LiveKit's client SDKs works unchanged. Unknown fields are ignored, as LiveKit's clients may send more.
 */
@Schema(name = "TokenRequest", description = "A participant's token request. Give each field under one of its names; "
		+ "different values under both names are refused (422). Unknown fields are ignored.")
record TokenRequest(
		@Schema(description = "Room to join (alias room_name). Required; no control or invisible characters; at "
				+ "most MAX_ROOM_NAME_LENGTH characters (default 100) and 256 UTF-8 bytes.",
				example = "support-42") String room,
		@Schema(description = "Participant identity (alias participant_identity). Required; same rules as room, "
				+ "with MAX_IDENTITY_LENGTH (default 100).", example = "user-123") String identity,
		@Schema(description = "Display name (alias participant_name), at most 256 characters.",
				example = "Alice") String name,
		@JsonProperty("ttl_minutes") @Schema(description = "Token lifetime in minutes, 1..MAX_TOKEN_TTL_MINUTES "
				+ "(default 1440); default DEFAULT_TOKEN_TTL_MINUTES (60).", minimum = "1",
				example = "60") Integer ttlMinutes,
		@JsonProperty("mic_only") @Schema(description = "Publish the microphone only.",
				defaultValue = "false") Boolean micOnly,
		@JsonProperty("dispatch_agent") @Schema(description = "Also dispatch AGENT_NAME into the room; the token is "
				+ "returned whatever LiveKit does.", defaultValue = "false") Boolean dispatchAgent,
		@Schema(description = "Participant metadata (alias participant_metadata), at most MAX_METADATA_BYTES "
				+ "(default 4096) UTF-8 bytes.") String metadata,
		@Schema(description = "Participant attributes (alias participant_attributes); keys and values together at "
				+ "most MAX_ATTRIBUTES_BYTES (default 4096) UTF-8 bytes.") Map<String, String> attributes,
		@JsonProperty("room_name") @Schema(description = "LiveKit standard name of room.") String roomName,
		@JsonProperty("participant_identity") @Schema(
				description = "LiveKit standard name of identity.") String participantIdentity,
		@JsonProperty("participant_name") @Schema(
				description = "LiveKit standard name of name.") String participantName,
		@JsonProperty("participant_metadata") @Schema(
				description = "LiveKit standard name of metadata.") String participantMetadata,
		@JsonProperty("participant_attributes") @Schema(
				description = "LiveKit standard name of attributes.") Map<String, String> participantAttributes,
		@JsonProperty("room_config") @Schema(implementation = Object.class,
				description = "LiveKit RoomConfiguration (agent_name or agentName keys). Only agents may be set, each "
						+ "in ALLOWED_AGENT_NAMES, with optional metadata; LiveKit dispatches them when this "
						+ "participant's join creates the room.",
				example = "{\"agents\":[{\"agent_name\":\"py-agent\"}]}") JsonNode roomConfig) {
}
