package com.lesa.api.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

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
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DispatchView(String dispatchId, String room, String agentName, String metadata, String createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) Boolean deduplicated) {

	static DispatchView of(AgentDispatch dispatch, Boolean deduplicated) {
		return new DispatchView(dispatch.id(), dispatch.room(), dispatch.agentName(), dispatch.metadata(),
				(dispatch.createdAt() != null) ? dispatch.createdAt().toString() : null, deduplicated);
	}

}
