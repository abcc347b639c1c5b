package com.lesa.api.token;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import com.lesa.api.token.TokenResponse.DispatchError;
import com.lesa.api.web.UsualJsonWriter;

/**
 * Writes a token answer as the JSON Jackson makes of {@link TokenResponse}'s annotations (its fields in their order,
 * null {@code name} and {@code dispatch_id} written, {@code dispatch_error} only when present) when no string in it
 * needs escaping: a JWT, URLs, the names LiveKit allows and display names without quotes, backslashes or control
 * characters. Anything else (and a lone surrogate, which Jackson writes as {@code ?}) is left to Jackson. The token
 * answer is written on every token request, so it is sized first and written once into an array of that size (a
 * string builder's copies allocated ~4 KB more per token request, {@code bench/allocation.sh}); ASCII values are
 * copied as they are, others encoded by the JDK. {@code TokenResponseWriterTests} holds this to Jackson's output.
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
		String ttl = Integer.toString(token.ttlMinutes());
		long size = FIXED_SIZE + 2L * size(jwt) + size(token.wsUrl()) + size(token.room()) + size(token.identity())
				+ size(token.name()) + ttl.length() + size(token.expiresAt())
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
		json.ascii(",\"ttl_minutes\":").ascii(ttl);
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
		boolean ascii = true;
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return UNUSUAL;
			}
			if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return UNUSUAL;
				}
				i++;
			}
			ascii &= c < 0x80;
		}
		return 2 + (ascii ? value.length() : value.getBytes(StandardCharsets.UTF_8).length);
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

		/** A value {@link #size} took, quoted: copied as it is while ASCII, else encoded by the JDK. */
		Bytes string(String value) {
			if (value == null) {
				return ascii("null");
			}
			this.bytes[this.at++] = '"';
			int start = this.at;
			for (int i = 0, n = value.length(); i < n; i++) {
				char c = value.charAt(i);
				if (c >= 0x80) {
					byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
					System.arraycopy(utf8, 0, this.bytes, start, utf8.length);
					this.at = start + utf8.length;
					break;
				}
				this.bytes[this.at++] = (byte) c;
			}
			this.bytes[this.at++] = '"';
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
