package com.lesa.api.token;

import java.util.Map;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.TokenSettings;
import com.lesa.api.livekit.RoomConfiguration;
import com.lesa.api.security.Caller;
import com.lesa.api.web.ForbiddenException;
import com.lesa.api.web.RoomPolicy;
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

	private final RoomPolicy rooms;

	TokenRequestValidator(TokenSettings limits, DispatchSettings dispatch, RoomPolicy rooms) {
		this.limits = limits;
		this.rooms = rooms;
		this.dispatch = dispatch;
	}

	ParticipantGrant validate(TokenRequest request, Caller caller) {
		Violations violations = new Violations();
		Given<String> room = violations.either("room", request.room(), "room_name", request.roomName());
		Given<String> identity = bound(violations.either("identity", request.identity(), "participant_identity",
				request.participantIdentity()), caller.identity());
		Given<String> name = violations.either("name", request.name(), "participant_name", request.participantName());
		if (name.value() == null && caller.name() != null) {
			name = new Given<>(name.field(), caller.name());
		}
		Given<String> metadata = violations.either("metadata", request.metadata(), "participant_metadata",
				request.participantMetadata());
		Given<Map<String, String>> attributes = violations.either("attributes", request.attributes(),
				"participant_attributes", request.participantAttributes());
		this.rooms.check(violations, room.field(), room.value());
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

	/**
	 * The identity a caller signed in with (jwt mode) is the only one it may have: taken when the request names none,
	 * refused (403) when it names another.
	 */
	private static Given<String> bound(Given<String> identity, String boundIdentity) {
		if (boundIdentity == null) {
			return identity;
		}
		if (identity.value() == null) {
			return new Given<>(identity.field(), boundIdentity);
		}
		if (!identity.value().equals(boundIdentity)) {
			throw new ForbiddenException(identity.field(), "must be the signed-in caller's own identity");
		}
		return identity;
	}

}
