package com.lesa.api.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code POST /api/v1/auth/token}: the original service's fields, plus {@code server_url} and
 * {@code participant_token}, the names LiveKit's standard token endpoint uses for the same two values.
 *
 * @param token the signed LiveKit access token
 * @param wsUrl the URL to connect to with it
 * @param room the room it grants
 * @param identity the participant identity
 * @param name the display name, or null
 * @param ttlMinutes its lifetime
 * @param expiresAt when it expires, ISO-8601 UTC
 * @param micOnly whether only the microphone may be published
 * @param agentDispatched whether the agent is in the room by this request ({@code dispatch_agent})
 * @param dispatchId the dispatch, when there is one
 * @param dispatchError why the dispatch failed; absent when it did not
 * @param serverUrl the same as {@code ws_url}
 * @param participantToken the same as {@code token}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TokenResponse(String token, String wsUrl, String room, String identity, String name, int ttlMinutes,
		String expiresAt, boolean micOnly, boolean agentDispatched, String dispatchId,
		@JsonInclude(JsonInclude.Include.NON_NULL) DispatchError dispatchError, String serverUrl,
		String participantToken) {

	@Override
	public String toString() {
		return "TokenResponse[room=" + this.room + ", identity=" + this.identity + ", expiresAt=" + this.expiresAt
				+ "]";
	}

	/**
	 * Why dispatching the agent failed; the token is valid all the same.
	 *
	 * @param code a stable short code such as {@code livekit_unavailable}
	 * @param message what it means
	 */
	record DispatchError(String code, String message) {
	}

}
