package com.lesa.api.token;

import java.util.Map;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.TokenSettings;
import com.lesa.api.livekit.RoomConfiguration;
import com.lesa.api.web.Violations;
import com.lesa.api.web.Violations.Given;

import org.springframework.stereotype.Component;

/**
 * Turns a {@link TokenRequest} into a {@link ParticipantGrant}, or reports every invalid field: aliases that disagree,
 * missing or malformed names, limits from the settings and LiveKit's own.
 */
@Component
class TokenRequestValidator {

	static final int MAX_NAME_LENGTH = 256;

	private final TokenSettings limits;

	private final DispatchSettings dispatch;

	TokenRequestValidator(TokenSettings limits, DispatchSettings dispatch) {
		this.limits = limits;
		this.dispatch = dispatch;
	}

	ParticipantGrant validate(TokenRequest request) {
		Violations violations = new Violations();
		Given<String> room = violations.either("room", request.room(), "room_name", request.roomName());
		Given<String> identity = violations.either("identity", request.identity(), "participant_identity",
				request.participantIdentity());
		Given<String> name = violations.either("name", request.name(), "participant_name", request.participantName());
		Given<String> metadata = violations.either("metadata", request.metadata(), "participant_metadata",
				request.participantMetadata());
		Given<Map<String, String>> attributes = violations.either("attributes", request.attributes(),
				"participant_attributes", request.participantAttributes());
		violations.identifier(room.field(), room.value(), this.limits.maxRoomNameLength());
		violations.identifier(identity.field(), identity.value(), this.limits.maxIdentityLength());
		violations.displayText(name.field(), name.value(), MAX_NAME_LENGTH);
		violations.opaque(metadata.field(), metadata.value(), this.limits.maxMetadataBytes());
		violations.attributes(attributes.field(), attributes.value(), this.limits.maxAttributesBytes());
		int ttl = (request.ttlMinutes() != null) ? request.ttlMinutes() : this.limits.defaultTtlMinutes();
		if (ttl < 1 || ttl > this.limits.maxTtlMinutes()) {
			violations.add("ttl_minutes", "must be between 1 and " + this.limits.maxTtlMinutes());
		}
		RoomConfiguration roomConfig = RoomConfigReader.read(request.roomConfig(), violations, this.dispatch,
				this.limits.maxMetadataBytes());
		violations.throwIfAny();
		return new ParticipantGrant(room.value(), identity.value(), name.value(), metadata.value(), attributes.value(),
				ttl, Boolean.TRUE.equals(request.micOnly()), Boolean.TRUE.equals(request.dispatchAgent()), roomConfig);
	}

}
