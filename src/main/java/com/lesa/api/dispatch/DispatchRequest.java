package com.lesa.api.dispatch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/agent/dispatch}.
 *
 * @param room the room to dispatch into
 * @param agentName the agent, default {@code AGENT_NAME}
 * @param metadata job metadata: a string, or a JSON object sent as its compact JSON text
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DispatchRequest(String room, String agentName, JsonNode metadata) {
}
