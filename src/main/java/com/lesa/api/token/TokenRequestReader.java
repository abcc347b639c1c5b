package com.lesa.api.token;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonParser.NumberType;
import tools.jackson.core.JsonToken;

import org.springframework.stereotype.Component;

import com.lesa.api.web.UsualJsonReader;

/**
 * Reads a token request in its usual shape (an object of the scalar fields: strings, {@code ttl_minutes} a whole
 * number that fits an int, booleans, any of them null or left out) without data binding's per-property indirection:
 * binding the ~100-byte body took 6-8% of a token request's CPU samples, reading it this way 3-6%
 * ({@code bench/profile.sh}). Anything else (the object fields {@code attributes}, {@code participant_attributes}
 * and {@code room_config}, unknown fields, another type or coercion, content after the object) is left to data
 * binding, which reads the same bytes and decides. A repeated field never gets here: the service's parser refuses it
 * (strict duplicate detection, {@code WebConfiguration}). {@code TokenRequestReaderTests} holds it to data binding's
 * answers.
 */
@Component
final class TokenRequestReader implements UsualJsonReader<TokenRequest> {

	@Override
	public Class<TokenRequest> type() {
		return TokenRequest.class;
	}

	@Override
	public TokenRequest readUsual(JsonParser json) {
		try {
			return read(json);
		}
		catch (Unusual ex) {
			return null;
		}
	}

	private static TokenRequest read(JsonParser json) {
		if (json.nextToken() != JsonToken.START_OBJECT) {
			return null;
		}
		String room = null;
		String identity = null;
		String name = null;
		Integer ttlMinutes = null;
		Boolean micOnly = null;
		Boolean dispatchAgent = null;
		String metadata = null;
		String roomName = null;
		String participantIdentity = null;
		String participantName = null;
		String participantMetadata = null;
		for (String field = json.nextName(); field != null; field = json.nextName()) {
			JsonToken value = json.nextToken();
			switch (field) {
				case "room" -> room = string(json, value);
				case "identity" -> identity = string(json, value);
				case "name" -> name = string(json, value);
				case "ttl_minutes" -> ttlMinutes = wholeNumber(json, value);
				case "mic_only" -> micOnly = bool(value);
				case "dispatch_agent" -> dispatchAgent = bool(value);
				case "metadata" -> metadata = string(json, value);
				case "room_name" -> roomName = string(json, value);
				case "participant_identity" -> participantIdentity = string(json, value);
				case "participant_name" -> participantName = string(json, value);
				case "participant_metadata" -> participantMetadata = string(json, value);
				default -> {
					return null;
				}
			}
		}
		if (json.nextToken() != null) {
			return null;
		}
		return new TokenRequest(room, identity, name, ttlMinutes, micOnly, dispatchAgent, metadata, null, roomName,
				participantIdentity, participantName, participantMetadata, null, null);
	}

	private static String string(JsonParser json, JsonToken value) {
		return switch (value) {
			case VALUE_STRING -> json.getString();
			case VALUE_NULL -> null;
			default -> throw Unusual.INSTANCE;
		};
	}

	private static Integer wholeNumber(JsonParser json, JsonToken value) {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == NumberType.INT) {
			return json.getIntValue();
		}
		throw Unusual.INSTANCE;
	}

	private static Boolean bool(JsonToken value) {
		return switch (value) {
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw Unusual.INSTANCE;
		};
	}

	/** A value of another type than the usual: data binding decides (thrown without a stack trace, and caught). */
	private static final class Unusual extends RuntimeException {

		private static final Unusual INSTANCE = new Unusual();

		private Unusual() {
			super("not the usual shape", null, false, false);
		}

	}

}
