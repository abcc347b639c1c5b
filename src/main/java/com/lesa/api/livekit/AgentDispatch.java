package com.lesa.api.livekit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An agent dispatch as LiveKit reports it.
 *
 * @param id the dispatch id ({@code AD_...})
 * @param agentName the dispatched agent
 * @param room the room
 * @param metadata the job metadata ("" when none)
 * @param createdAt when LiveKit created it, or null when it did not say
 */
public record AgentDispatch(String id, String agentName, String room, String metadata, Instant createdAt) {

	/**
	 * Reads an {@code AgentDispatch} the lenient way LiveKit's own clients do: snake_case or camelCase keys, unset
	 * fields as empty values or nulls, unknown fields ignored, {@code created_at} as nanoseconds in a string or number.
	 */
	static AgentDispatch fromJson(JsonNode node) {
		String id = text(node, "id", "id");
		if (id.isEmpty()) {
			throw new IllegalArgumentException("dispatch without id");
		}
		JsonNode state = field(node, "state", "state");
		return new AgentDispatch(id, text(node, "agent_name", "agentName"), text(node, "room", "room"),
				text(node, "metadata", "metadata"), nanos(field(state, "created_at", "createdAt")));
	}

	private static JsonNode field(JsonNode node, String protoName, String jsonName) {
		JsonNode value = node.path(protoName);
		return (value.isMissingNode() || value.isNull()) ? node.path(jsonName) : value;
	}

	private static String text(JsonNode node, String protoName, String jsonName) {
		JsonNode value = field(node, protoName, jsonName);
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		if (!value.isString()) {
			throw new IllegalArgumentException(protoName + " is not a string");
		}
		return value.asString();
	}

	private static Instant nanos(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		long nanos = value.isString() ? Long.parseLong(value.asString()) : value.longValue();
		return (nanos > 0) ? Instant.ofEpochSecond(0, nanos) : null;
	}

}
