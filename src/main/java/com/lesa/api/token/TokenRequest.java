package com.lesa.api.token;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/auth/token}: the original service's fields, and LiveKit's standard token-endpoint
 * fields ({@code room_name}, {@code participant_*}, {@code room_config}) as aliases, so {@code TokenSource.endpoint}
 * of LiveKit's client SDKs works unchanged. Unknown fields are ignored, as LiveKit's clients may send more.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TokenRequest(String room, String identity, String name, Integer ttlMinutes, Boolean micOnly,
		Boolean dispatchAgent, String metadata, Map<String, String> attributes, String roomName,
		String participantIdentity, String participantName, String participantMetadata,
		Map<String, String> participantAttributes, JsonNode roomConfig) {
}
