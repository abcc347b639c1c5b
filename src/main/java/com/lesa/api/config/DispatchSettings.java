package com.lesa.api.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How the LESA agent is dispatched into rooms.
 *
 * @param agentName {@code AGENT_NAME}: the agent dispatched when a request names none
 * @param cacheTtlSeconds {@code DISPATCH_CACHE_TTL_SECONDS}: window in which repeated dispatches of one agent into
 * one room reach LiveKit once (0 turns de-duplication off)
 */
public record DispatchSettings(@NotBlank(message = "is required") String agentName,
		@Min(0) @Max(3600) int cacheTtlSeconds) {
}
