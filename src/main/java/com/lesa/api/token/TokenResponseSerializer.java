package com.lesa.api.token;

import java.util.Objects;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import com.lesa.api.token.TokenResponse.DispatchError;

/**
 * Writes {@link TokenResponse} field by field, in the order and with the names its annotations declare (null
 * {@code name} and {@code dispatch_id} written, {@code dispatch_error} only when present), without the per-property
 * indirection of Jackson's bean serializer: the token response is written on every token request.
 * {@code TokenResponseSerializerTests} holds it to the annotated form.
 */
final class TokenResponseSerializer extends ValueSerializer<TokenResponse> {

	@Override
	public void serialize(TokenResponse token, JsonGenerator json, SerializationContext context) {
		json.writeStartObject(token);
		String quotedJwt = quotedJwt(token.token());
		jwt(json, "token", token.token(), quotedJwt);
		json.writeStringProperty("ws_url", token.wsUrl());
		json.writeStringProperty("room", token.room());
		json.writeStringProperty("identity", token.identity());
		json.writeStringProperty("name", token.name());
		json.writeNumberProperty("ttl_minutes", token.ttlMinutes());
		json.writeStringProperty("expires_at", token.expiresAt());
		json.writeBooleanProperty("mic_only", token.micOnly());
		json.writeBooleanProperty("agent_dispatched", token.agentDispatched());
		json.writeStringProperty("dispatch_id", token.dispatchId());
		DispatchError error = token.dispatchError();
		if (error != null) {
			json.writeName("dispatch_error");
			json.writeStartObject(error);
			json.writeStringProperty("code", error.code());
			json.writeStringProperty("message", error.message());
			json.writeEndObject();
		}
		json.writeStringProperty("server_url", token.serverUrl());
		String participantToken = token.participantToken();
		jwt(json, "participant_token", participantToken,
				Objects.equals(participantToken, token.token()) ? quotedJwt : quotedJwt(participantToken));
		json.writeEndObject();
	}

	/**
	 * A JWT is base64url text and dots, which JSON never escapes, so it is written as it is instead of being checked
	 * character by character by the generator; {@code participant_token} is the same token (the same string instance,
	 * so comparing them is one reference check), checked and quoted once for both (~450 characters). Anything else
	 * is written as a string.
	 */
	private static void jwt(JsonGenerator json, String name, String jwt, String quotedJwt) {
		json.writeName(name);
		if (quotedJwt != null) {
			json.writeRawValue(quotedJwt);
		}
		else {
			json.writeString(jwt);
		}
	}

	/** The JWT in quotes, or null when it is not only JWT characters (or null). */
	private static String quotedJwt(String jwt) {
		return (jwt != null && isJwtAlphabet(jwt)) ? "\"" + jwt + "\"" : null;
	}

	private static boolean isJwtAlphabet(String value) {
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.')) {
				return false;
			}
		}
		return true;
	}

}
