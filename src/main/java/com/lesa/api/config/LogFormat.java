package com.lesa.api.config;

/** How log lines are written: one JSON object per line, or readable text for a developer's console. */
public enum LogFormat {

	JSON, TEXT;

	@Override
	public String toString() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
