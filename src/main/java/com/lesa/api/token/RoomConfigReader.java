package com.lesa.api.token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.livekit.RoomConfiguration;
import com.lesa.api.web.Violations;
import com.lesa.api.web.Violations.Given;

/**
 * Reads the standard token endpoint's {@code room_config} (protojson: {@code agent_name} or {@code agentName}) into
 * the agents a token may carry. Only agents may be set, and only allowed ones: a browser must not choose recording
 * targets, room sizes or timeouts for everyone else in the room.
 */
final class RoomConfigReader {

	private RoomConfigReader() {
	}

	static RoomConfiguration read(JsonNode config, Violations violations, DispatchSettings dispatch,
			int maxMetadataBytes) {
		if (isEmpty(config)) {
			return null;
		}
		if (!config.isObject()) {
			violations.add("room_config", "must be an object");
			return null;
		}
		List<RoomConfiguration.Agent> agents = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : config.properties()) {
			if (entry.getKey().equals("agents")) {
				readAgents(entry.getValue(), agents, violations, dispatch, maxMetadataBytes);
			}
			else if (!isEmpty(entry.getValue())) {
				violations.add("room_config." + entry.getKey(), "is not supported; only agents may be set");
			}
		}
		return agents.isEmpty() ? null : new RoomConfiguration(agents);
	}

	private static void readAgents(JsonNode list, List<RoomConfiguration.Agent> agents, Violations violations,
			DispatchSettings dispatch, int maxMetadataBytes) {
		if (isEmpty(list)) {
			return;
		}
		if (!list.isArray()) {
			violations.add("room_config.agents", "must be a list");
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String field = "room_config.agents[" + i + "]";
			JsonNode agent = list.get(i);
			if (!agent.isObject()) {
				violations.add(field, "must be an object");
				continue;
			}
			Given<String> name = violations.either(field + ".agent_name", string(agent, "agent_name", field, violations),
					field + ".agentName", string(agent, "agentName", field, violations));
			String metadata = string(agent, "metadata", field, violations);
			violations.allowedAgent(name.field(), name.value(), dispatch);
			violations.opaque(field + ".metadata", metadata, maxMetadataBytes);
			for (Map.Entry<String, JsonNode> entry : agent.properties()) {
				if (!Set.of("agent_name", "agentName", "metadata").contains(entry.getKey())
						&& !isEmpty(entry.getValue())) {
					violations.add(field + "." + entry.getKey(), "is not supported");
				}
			}
			if (name.value() != null && !seen.add(name.value())) {
				violations.add(name.field(), "names an agent already listed");
			}
			if (name.value() != null) {
				agents.add(new RoomConfiguration.Agent(name.value(), metadata));
			}
		}
	}

	private static String string(JsonNode object, String key, String field, Violations violations) {
		JsonNode value = object.path(key);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			violations.add(field + "." + key, "must be a string");
			return null;
		}
		return value.asString();
	}

	/** Null, or nothing but defaults: what LiveKit's Android client sends when the app sets no room config. */
	static boolean isEmpty(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return true;
		}
		if (node.isContainer()) {
			return node.values().stream().allMatch(RoomConfigReader::isEmpty);
		}
		return (node.isString() && node.asString().isEmpty()) || (node.isNumber() && node.asDouble() == 0)
				|| (node.isBoolean() && !node.asBoolean());
	}

}
