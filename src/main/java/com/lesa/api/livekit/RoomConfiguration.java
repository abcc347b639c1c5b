package com.lesa.api.livekit;

import java.util.List;
import java.util.Objects;

/**
 * The part of LiveKit's {@code RoomConfiguration} a browser token may carry: the agents to dispatch when the join
 * creates the room. LiveKit ignores it when the room already exists (livekit/livekit#4390). It is written into the
 * {@code roomConfig} claim in LiveKit's JSON form (protojson: camelCase, defaults omitted).
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

	}

}
