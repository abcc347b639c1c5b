package com.lesa.api.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.lesa.api.livekit.AgentDispatch;

/**
 * One dispatch as this API shows it.
 *
 * @param dispatchId LiveKit's dispatch id
 * @param room the room
 * @param agentName the agent
 * @param metadata the job metadata
 * @param createdAt when LiveKit created it (ISO-8601 UTC), or null when it did not say
 * @param deduplicated on a new dispatch: whether an earlier identical request made it; absent in lists
 */
@Schema(name = "Dispatch")
record DispatchView(@JsonProperty("dispatch_id") @Schema(example = "AD_kqj7TP9VuRD8") String dispatchId, String room,
		@JsonProperty("agent_name") String agentName, String metadata,
		@JsonProperty("created_at") @Schema(nullable = true, description = "ISO-8601 UTC") String createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "On POST only: true when an identical "
				+ "request within DISPATCH_CACHE_TTL_SECONDS made this dispatch.") Boolean deduplicated) {

	static DispatchView of(AgentDispatch dispatch, Boolean deduplicated) {
		return new DispatchView(dispatch.id(), dispatch.room(), dispatch.agentName(), dispatch.metadata(),
				(dispatch.createdAt() != null) ? dispatch.createdAt().toString() : null, deduplicated);
	}

}
