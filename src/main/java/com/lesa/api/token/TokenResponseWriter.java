package com.lesa.api.token;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import com.lesa.api.token.TokenResponse.DispatchError;
import com.lesa.api.web.UsualJsonWriter;

/**
 * Writes a token answer as the JSON Jackson makes of {@link TokenResponse}'s annotations (its fields in their order,
 * null {@code name} and {@code dispatch_id} written, {@code dispatch_error} only when present) when no string in it
 * needs escaping: a JWT, URLs, the names LiveKit allows and display names without quotes, backslashes or control
 * characters. Anything else (and a lone surrogate, which Jackson refuses) is left to Jackson. The token answer is
 * written on every token request; {@code TokenResponseWriterTests} holds this to Jackson's output.
 */
@Component
final class TokenResponseWriter implements UsualJsonWriter<TokenResponse> {

	@Override
	public Class<TokenResponse> type() {
		return TokenResponse.class;
	}

	@Override
	public byte[] writeUsual(TokenResponse token) {
		DispatchError error = token.dispatchError();
		boolean sameToken = token.participantToken() == token.token();
		if (!plain(token.token()) || !plain(token.wsUrl()) || !plain(token.room()) || !plain(token.identity())
				|| !plain(token.name()) || !plain(token.expiresAt()) || !plain(token.dispatchId())
				|| !plain(token.serverUrl()) || (!sameToken && !plain(token.participantToken()))
				|| (error != null && (!plain(error.code()) || !plain(error.message())))) {
			return null;
		}
		StringBuilder json = new StringBuilder(256 + 2 * token.token().length());
		string(json.append("{\"token\":"), token.token());
		string(json.append(",\"ws_url\":"), token.wsUrl());
		string(json.append(",\"room\":"), token.room());
		string(json.append(",\"identity\":"), token.identity());
		string(json.append(",\"name\":"), token.name());
		json.append(",\"ttl_minutes\":").append(token.ttlMinutes());
		string(json.append(",\"expires_at\":"), token.expiresAt());
		json.append(",\"mic_only\":").append(token.micOnly());
		json.append(",\"agent_dispatched\":").append(token.agentDispatched());
		string(json.append(",\"dispatch_id\":"), token.dispatchId());
		if (error != null) {
			string(json.append(",\"dispatch_error\":{\"code\":"), error.code());
			string(json.append(",\"message\":"), error.message());
			json.append('}');
		}
		string(json.append(",\"server_url\":"), token.serverUrl());
		string(json.append(",\"participant_token\":"), token.participantToken());
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void string(StringBuilder json, String value) {
		if (value == null) {
			json.append("null");
		}
		else {
			json.append('"').append(value).append('"');
		}
	}

	/** Null, or a string JSON writes as it is: no quote, backslash or control character, surrogates only in pairs. */
	static boolean plain(String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return false;
			}
			if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
		}
		return true;
	}

}
