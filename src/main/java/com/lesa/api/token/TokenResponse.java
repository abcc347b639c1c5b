package com.lesa.api.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code POST /api/v1/auth/token}: the original service's fields, plus {@code server_url} and
 * {@code participant_token}, the names LiveKit's standard token endpoint uses for the same two values. Jackson
 * writes it from these annotations, and {@link TokenResponseWriter} the same bytes sooner.
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
@Schema(name = "TokenResponse")
record TokenResponse(@Schema(description = "LiveKit access token (HS256 JWT).") String token,
		@JsonProperty("ws_url") @Schema(description = "LIVEKIT_WS_URL, to connect with the token.") String wsUrl,
		String room, String identity, @Schema(nullable = true) String name,
		@JsonProperty("ttl_minutes") int ttlMinutes,
		@JsonProperty("expires_at") @Schema(description = "ISO-8601 UTC", example = "2026-12-04T21:00:00Z") String expiresAt,
		@JsonProperty("mic_only") boolean micOnly,
		@JsonProperty("agent_dispatched") @Schema(
				description = "Whether dispatch_agent put the agent in the room.") boolean agentDispatched,
		@JsonProperty("dispatch_id") @Schema(nullable = true) String dispatchId,
		@JsonProperty("dispatch_error") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
				description = "Present only when dispatch_agent failed.") DispatchError dispatchError,
		@JsonProperty("server_url") @Schema(description = "Same as ws_url (LiveKit's standard name).") String serverUrl,
		@JsonProperty("participant_token") @Schema(
				description = "Same as token (LiveKit's standard name).") String participantToken) {

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
	@Schema(name = "DispatchError")
	record DispatchError(@Schema(example = "livekit_unavailable") String code, String message) {
	}

}
