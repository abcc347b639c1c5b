package com.lesa.api.token;

import org.springframework.stereotype.Component;

import com.lesa.api.token.TokenResponse.DispatchError;
import com.lesa.api.web.UsualJsonWriter;

/**
 * Writes a token answer as the JSON Jackson makes of {@link TokenResponse}'s annotations (its fields in their order,
 * null {@code name} and {@code dispatch_id} written, {@code dispatch_error} only when present) when no string in it
 * needs escaping: a JWT, URLs, the names LiveKit allows and display names without quotes, backslashes or control
 * characters. Anything else (and a lone surrogate, which Jackson writes as {@code ?}) is left to Jackson. The token
 * answer is written on every token request, so it is sized first and encoded once into an array of that size (a
 * string builder's copies cost ~2.4 KB more per answer); {@code TokenResponseWriterTests} holds this to Jackson's
 * output.
 */
@Component
final class TokenResponseWriter implements UsualJsonWriter<TokenResponse> {

	/** The literal parts of an answer without {@code dispatch_error}, and what that adds: names, colons, commas. */
	private static final int FIXED_SIZE = ("{\"token\":,\"ws_url\":,\"room\":,\"identity\":,\"name\":,\"ttl_minutes\":,"
			+ "\"expires_at\":,\"mic_only\":,\"agent_dispatched\":,\"dispatch_id\":,\"server_url\":,"
			+ "\"participant_token\":}").length();

	private static final int ERROR_SIZE = ",\"dispatch_error\":{\"code\":,\"message\":}".length();

	/** Keeps the (long) sum of an answer's sizes negative once one of its values is unusual. */
	private static final int UNUSUAL = Integer.MIN_VALUE;

	@Override
	public Class<TokenResponse> type() {
		return TokenResponse.class;
	}

	@Override
	public byte[] writeUsual(TokenResponse token) {
		DispatchError error = token.dispatchError();
		String jwt = token.token();
		// participant_token is the same token (the same instance): checked and sized once.
		String participantToken = token.participantToken();
		long size = FIXED_SIZE + 2L * size(jwt) + size(token.wsUrl()) + size(token.room()) + size(token.identity())
				+ size(token.name()) + Integer.toString(token.ttlMinutes()).length() + size(token.expiresAt())
				+ (token.micOnly() ? 4 : 5) + (token.agentDispatched() ? 4 : 5) + size(token.dispatchId())
				+ size(token.serverUrl());
		if (participantToken != jwt) {
			size += (long) size(participantToken) - size(jwt);
		}
		if (error != null) {
			size += (long) ERROR_SIZE + size(error.code()) + size(error.message());
		}
		if (size < 0) {
			return null;
		}
		Bytes json = new Bytes((int) size);
		json.ascii("{\"token\":").string(jwt);
		json.ascii(",\"ws_url\":").string(token.wsUrl());
		json.ascii(",\"room\":").string(token.room());
		json.ascii(",\"identity\":").string(token.identity());
		json.ascii(",\"name\":").string(token.name());
		json.ascii(",\"ttl_minutes\":").ascii(Integer.toString(token.ttlMinutes()));
		json.ascii(",\"expires_at\":").string(token.expiresAt());
		json.ascii(",\"mic_only\":").ascii(token.micOnly() ? "true" : "false");
		json.ascii(",\"agent_dispatched\":").ascii(token.agentDispatched() ? "true" : "false");
		json.ascii(",\"dispatch_id\":").string(token.dispatchId());
		if (error != null) {
			json.ascii(",\"dispatch_error\":{\"code\":").string(error.code());
			json.ascii(",\"message\":").string(error.message()).ascii("}");
		}
		json.ascii(",\"server_url\":").string(token.serverUrl());
		json.ascii(",\"participant_token\":").string(participantToken).ascii("}");
		return json.done();
	}

	/**
	 * The UTF-8 size of a string value as JSON writes it ({@code null}, or quoted), or {@link #UNUSUAL} when it needs
	 * escaping (a quote, backslash or control character) or holds a lone surrogate.
	 */
	static int size(String value) {
		if (value == null) {
			return 4;
		}
		int size = 2;
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return UNUSUAL;
			}
			if (c < 0x80) {
				size += 1;
			}
			else if (c < 0x800) {
				size += 2;
			}
			else if (!Character.isSurrogate(c)) {
				size += 3;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				size += 4;
				i++;
			}
			else {
				return UNUSUAL;
			}
		}
		return size;
	}

	/** The answer's bytes, in an array of the size worked out first: the one copy of the answer made here. */
	private static final class Bytes {

		private final byte[] bytes;

		private int at;

		Bytes(int size) {
			this.bytes = new byte[size];
		}

		Bytes ascii(String ascii) {
			for (int i = 0, n = ascii.length(); i < n; i++) {
				this.bytes[this.at++] = (byte) ascii.charAt(i);
			}
			return this;
		}

		/** A value {@link #size} took: quoted and in UTF-8, with no escapes and its surrogates in pairs. */
		Bytes string(String value) {
			if (value == null) {
				return ascii("null");
			}
			byte[] bytes = this.bytes;
			int at = this.at;
			bytes[at++] = '"';
			for (int i = 0, n = value.length(); i < n; i++) {
				char c = value.charAt(i);
				if (c < 0x80) {
					bytes[at++] = (byte) c;
				}
				else if (c < 0x800) {
					bytes[at++] = (byte) (0xC0 | (c >> 6));
					bytes[at++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c)) {
					int point = Character.toCodePoint(c, value.charAt(++i));
					bytes[at++] = (byte) (0xF0 | (point >> 18));
					bytes[at++] = (byte) (0x80 | ((point >> 12) & 0x3F));
					bytes[at++] = (byte) (0x80 | ((point >> 6) & 0x3F));
					bytes[at++] = (byte) (0x80 | (point & 0x3F));
				}
				else {
					bytes[at++] = (byte) (0xE0 | (c >> 12));
					bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					bytes[at++] = (byte) (0x80 | (c & 0x3F));
				}
			}
			bytes[at++] = '"';
			this.at = at;
			return this;
		}

		byte[] done() {
			if (this.at != this.bytes.length) {
				throw new IllegalStateException("token answer sized " + this.bytes.length + ", written " + this.at);
			}
			return this.bytes;
		}

	}

}
