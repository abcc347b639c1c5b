package com.lesa.api.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How the LESA agent is dispatched into rooms.
 *
 * @param agentName {@code AGENT_NAME}: the agent dispatched when a request names none
 * @param allowedAgentNames {@code ALLOWED_AGENT_NAMES}: the only agents a caller may ask for, by either endpoint or
 * in a token's {@code room_config} (default: {@code AGENT_NAME})
 * @param cacheTtlSeconds {@code DISPATCH_CACHE_TTL_SECONDS}: window in which repeated dispatches of one agent into
 * one room reach LiveKit once (0 turns de-duplication off)
 */
public record DispatchSettings(@NotBlank(message = "is required") String agentName,
		List<@NotBlank(message = "must not list a blank name") String> allowedAgentNames,
		@Min(0) @Max(3600) int cacheTtlSeconds) {

	public DispatchSettings {
		if (allowedAgentNames == null || allowedAgentNames.isEmpty()) {
			allowedAgentNames = (agentName != null && !agentName.isBlank()) ? List.of(agentName) : List.of();
		}
		allowedAgentNames = List.copyOf(allowedAgentNames);
	}

	public boolean isAllowed(String agent) {
		return this.allowedAgentNames.contains(agent);
	}

}
