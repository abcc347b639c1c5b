package com.lesa.api.dispatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/agent/dispatch}.
 *
 * @param room the room to dispatch into
 * @param agentName the agent, default {@code AGENT_NAME}
 * @param metadata job metadata: a string, or a JSON object sent as its compact JSON text
 */
@Schema(name = "DispatchRequest")
record DispatchRequest(
		@Schema(description = "Room to dispatch into; same rules as the token request's room.",
				requiredMode = Schema.RequiredMode.REQUIRED, example = "support-42") String room,
		@JsonProperty("agent_name") @Schema(description = "Agent to dispatch, one of ALLOWED_AGENT_NAMES; default "
				+ "AGENT_NAME.", example = "py-agent") String agentName,
		@Schema(implementation = Object.class, description = "Job metadata: a string, or a JSON object sent as its "
				+ "compact JSON text; at most MAX_METADATA_BYTES (default 4096) UTF-8 bytes.",
				example = "{\"ticket\":42}") JsonNode metadata) {
}
