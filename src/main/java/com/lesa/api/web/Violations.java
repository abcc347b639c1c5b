package com.lesa.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.TokenSettings;

/**
 * Collects what is wrong with a request so the caller hears about every field at once, with the text rules LiveKit
 * itself enforces on names (UTF-8 byte limits) and the ones a browser-facing service needs (no invisible or
 * control characters in identifiers).
 */
public final class Violations {

	private final List<Violation> violations = new ArrayList<>();

	public void add(String field, String message) {
		this.violations.add(new Violation(field, message));
	}

	/**
	 * Checks an identifier such as a room name or identity: present, not blank, no control, format or unpaired
	 * surrogate characters, at most {@code maxChars} characters and LiveKit's 256 UTF-8 bytes.
	 */
	public void identifier(String field, String value, int maxChars) {
		if (value == null) {
			add(field, "is required");
		}
		else if (value.isBlank()) {
			add(field, "must not be blank");
		}
		else if (!isPrintableAscii(value) && value.codePoints().anyMatch(Violations::isInvisible)) {
			add(field, "must not contain control or invisible characters");
		}
		else {
			length(field, value, maxChars, TokenSettings.LIVEKIT_MAX_NAME_BYTES);
		}
	}

	/** Checks an optional display text: no control characters, within both limits. */
	public void displayText(String field, String value, int maxChars) {
		if (value == null) {
			return;
		}
		if (!isPrintableAscii(value)
				&& value.codePoints().anyMatch((c) -> Character.getType(c) == Character.CONTROL || isSurrogate(c))) {
			add(field, "must not contain control characters");
		}
		else {
			length(field, value, maxChars, TokenSettings.LIVEKIT_MAX_NAME_BYTES);
		}
	}

	/** Checks an opaque string (metadata): valid Unicode and at most {@code maxBytes} UTF-8 bytes. */
	public void opaque(String field, String value, int maxBytes) {
		if (value == null) {
			return;
		}
		if (!isPrintableAscii(value) && value.codePoints().anyMatch(Violations::isSurrogate)) {
			add(field, "must be valid Unicode");
		}
		else if (utf8Length(value) > maxBytes) {
			add(field, "must be at most " + maxBytes + " bytes (UTF-8)");
		}
	}

	/** Checks string attributes: keys are identifiers, values opaque, all keys and values within {@code maxBytes}. */
	public void attributes(String field, Map<String, String> attributes, int maxBytes) {
		if (attributes == null) {
			return;
		}
		long total = 0;
		for (Map.Entry<String, String> entry : attributes.entrySet()) {
			String key = entry.getKey();
			if (key.isBlank() || key.codePoints().anyMatch(Violations::isInvisible)) {
				add(field, "keys must be non-blank without control or invisible characters");
				return;
			}
			if (entry.getValue() == null || entry.getValue().codePoints().anyMatch(Violations::isSurrogate)) {
				add(field + "." + key, "must be a string of valid Unicode");
				return;
			}
			total += utf8Length(key) + utf8Length(entry.getValue());
		}
		if (total > maxBytes) {
			add(field, "keys and values must total at most " + maxBytes + " bytes (UTF-8)");
		}
	}

	/** Checks that {@code agent} is one of {@code ALLOWED_AGENT_NAMES}. */
	public void allowedAgent(String field, String agent, DispatchSettings settings) {
		if (agent == null || agent.isBlank()) {
			add(field, "must not be blank");
		}
		else if (!settings.isAllowed(agent)) {
			add(field, "is not an agent this service may dispatch");
		}
	}

	/**
	 * Picks a field that may be given under either of two names; different values under both are a violation. The
	 * result names the field as the caller spelled it, so a caller that used only the alias hears about the alias.
	 */
	public <T> Given<T> either(String field, T value, String alias, T aliasValue) {
		if (value != null && aliasValue != null && !Objects.equals(value, aliasValue)) {
			add(alias, "conflicts with " + field + "; give one of them");
		}
		return (value == null && aliasValue != null) ? new Given<>(alias, aliasValue) : new Given<>(field, value);
	}

	/**
	 * A request field as the caller gave it.
	 *
	 * @param <T> the value's type
	 * @param field the name the caller used
	 * @param value the value, or null when absent
	 */
	public record Given<T>(String field, T value) {
	}

	public int count() {
		return this.violations.size();
	}

	public void throwIfAny() {
		if (!this.violations.isEmpty()) {
			throw new InvalidRequestException(this.violations);
		}
	}

	private void length(String field, String value, int maxChars, int maxBytes) {
		if (value.length() > maxChars && value.codePointCount(0, value.length()) > maxChars) {
			add(field, "must be at most " + maxChars + " characters");
		}
		else if (utf8Length(value) > maxBytes) {
			add(field, "must be at most " + maxBytes + " bytes (UTF-8)");
		}
	}

	private static boolean isInvisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT || isSurrogate(codePoint)
				|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
	}

	private static boolean isSurrogate(int codePoint) {
		return Character.getType(codePoint) == Character.SURROGATE;
	}

	/**
	 * Whether every character is printable ASCII (space to tilde), the common case on the token path: such a string
	 * has no control, invisible or surrogate character, and as many UTF-8 bytes and code points as characters.
	 */
	private static boolean isPrintableAscii(String value) {
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** UTF-8 bytes of a string without unpaired surrogates (callers refuse those first), counted without encoding. */
	static long utf8Length(String value) {
		long bytes = 0;
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
