package com.lesa.api.livekit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of LiveKit's {@code RoomConfiguration} a browser token may carry: the agents to dispatch when the join
 * creates the room. LiveKit ignores it when the room already exists (livekit/livekit#4390).
 *
 * @param agents the agents to dispatch, at least one
 */
public record RoomConfiguration(List<Agent> agents) {

	public RoomConfiguration {
		Objects.requireNonNull(agents, "agents");
		if (agents.isEmpty()) {
			throw new IllegalArgumentException("agents must not be empty");
		}
		agents = List.copyOf(agents);
	}

	/** The {@code roomConfig} claim in LiveKit's JSON form (protojson: camelCase, defaults omitted). */
	Map<String, Object> toClaim() {
		return Map.of("agents", this.agents.stream().map(Agent::toClaim).toList());
	}

	/**
	 * One {@code RoomAgentDispatch}.
	 *
	 * @param agentName the agent's registered name
	 * @param metadata job metadata handed to the agent, or null
	 */
	public record Agent(String agentName, String metadata) {

		public Agent {
			Objects.requireNonNull(agentName, "agentName");
		}

		Map<String, Object> toClaim() {
			Map<String, Object> claim = new LinkedHashMap<>();
			claim.put("agentName", this.agentName);
			if (this.metadata != null && !this.metadata.isEmpty()) {
				claim.put("metadata", this.metadata);
			}
			return claim;
		}

	}

}
