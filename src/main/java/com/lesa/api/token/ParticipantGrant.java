package com.lesa.api.token;

import java.util.Map;

import com.lesa.api.livekit.RoomConfiguration;

/**
 * A validated token request: who joins which room, for how long, with what.
 *
 * @param room the room to join
 * @param identity the participant identity
 * @param name display name, or null
 * @param metadata participant metadata, or null
 * @param attributes participant attributes, or null
 * @param ttlMinutes token lifetime
 * @param micOnly whether the participant may publish only its microphone
 * @param dispatchAgent whether the caller asked for the agent to be dispatched
 * @param roomConfig agents the token itself dispatches when its join creates the room, or null
 */
record ParticipantGrant(String room, String identity, String name, String metadata, Map<String, String> attributes,
		int ttlMinutes, boolean micOnly, boolean dispatchAgent, RoomConfiguration roomConfig) {
}
