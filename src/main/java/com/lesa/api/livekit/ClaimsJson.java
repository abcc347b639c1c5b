package com.lesa.api.livekit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a token's claims as compact JSON, directly from the typed claims: the hot path of every token request, so
 * it builds no maps and runs no general-purpose serializer. Strings are escaped as RFC 8259 requires (quote,
 * backslash, control characters); everything else is written as is, in UTF-8.
 */
final class ClaimsJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final StringBuilder json = new StringBuilder(512);

	private boolean first = true;

	static byte[] of(String issuer, AccessTokenClaims claims, long notBefore, long expires) {
		ClaimsJson out = new ClaimsJson();
		out.json.append('{');
		out.string("iss", issuer);
		if (claims.identity() != null) {
			out.string("sub", claims.identity());
		}
		out.number("nbf", notBefore);
		out.number("exp", expires);
		if (claims.name() != null) {
			out.string("name", claims.name());
		}
		if (claims.metadata() != null) {
			out.string("metadata", claims.metadata());
		}
		if (claims.attributes() != null && !claims.attributes().isEmpty()) {
			out.object("attributes", claims.attributes());
		}
		out.video(claims.video());
		if (claims.roomConfig() != null) {
			out.roomConfig(claims.roomConfig());
		}
		out.json.append('}');
		return out.json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void video(VideoGrant video) {
		name("video");
		this.json.append('{');
		this.first = true;
		if (video.roomJoin()) {
			bool("roomJoin", true);
		}
		if (video.roomAdmin()) {
			bool("roomAdmin", true);
		}
		string("room", video.room());
		if (video.canPublish() != null) {
			bool("canPublish", video.canPublish());
		}
		if (video.canSubscribe() != null) {
			bool("canSubscribe", video.canSubscribe());
		}
		if (video.canPublishData() != null) {
			bool("canPublishData", video.canPublishData());
		}
		if (video.canPublishSources() != null) {
			strings("canPublishSources", video.canPublishSources());
		}
		this.json.append('}');
		this.first = false;
	}

	private void roomConfig(RoomConfiguration config) {
		name("roomConfig");
		this.json.append("{\"agents\":[");
		for (int i = 0; i < config.agents().size(); i++) {
			RoomConfiguration.Agent agent = config.agents().get(i);
			this.json.append((i > 0) ? ",{" : "{");
			this.first = true;
			string("agentName", agent.agentName());
			if (agent.metadata() != null && !agent.metadata().isEmpty()) {
				string("metadata", agent.metadata());
			}
			this.json.append('}');
		}
		this.json.append("]}");
		this.first = false;
	}

	private void object(String name, Map<String, String> values) {
		name(name);
		this.json.append('{');
		this.first = true;
		values.forEach((key, value) -> {
			separate();
			quoted(key);
			this.json.append(':');
			quoted(value);
		});
		this.json.append('}');
		this.first = false;
	}

	private void strings(String name, List<String> values) {
		name(name);
		this.json.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				this.json.append(',');
			}
			quoted(values.get(i));
		}
		this.json.append(']');
	}

	private void string(String name, String value) {
		name(name);
		quoted(value);
	}

	private void number(String name, long value) {
		name(name);
		this.json.append(value);
	}

	private void bool(String name, boolean value) {
		name(name);
		this.json.append(value);
	}

	/** A claim name: one of this class's constants, which need no escaping. Keys from callers go through quoted. */
	private void name(String name) {
		separate();
		this.json.append('"').append(name).append("\":");
	}

	private void separate() {
		if (!this.first) {
			this.json.append(',');
		}
		this.first = false;
	}

	private void quoted(String value) {
		StringBuilder json = this.json;
		json.append('"');
		int plain = plainPrefix(value);
		if (plain == value.length()) {
			// The common case: nothing to escape, one copy.
			json.append(value).append('"');
			return;
		}
		json.append(value, 0, plain);
		for (int i = plain, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> {
					if (needsEscape(c)) {
						json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
							.append(HEX[c & 0xF]);
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/** How many leading characters of {@code value} are written as they are. */
	private static int plainPrefix(String value) {
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\' || needsEscape(c)) {
				return i;
			}
		}
		return value.length();
	}

	private static boolean needsEscape(char c) {
		return c < 0x20 || c == '\u2028' || c == '\u2029';
	}

}
