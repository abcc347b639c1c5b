package com.lesa.api.web;

/**
 * Writes a response record in its usual shape as the exact UTF-8 JSON Jackson makes of its annotations, faster than
 * Spring MVC's converters, or answers {@code null} for anything else, which the converters then write. It must never
 * write a value differently from Jackson, only sooner.
 * @param <T> the record it writes
 */
public interface UsualJsonWriter<T extends Record> {

	/** The {@code @ResponseBody} record type this writer writes. */
	Class<T> type();

	/**
	 * The JSON, or {@code null} when the value holds something the writer leaves to Jackson.
	 * @param value the value a handler method returned, never {@code null}
	 */
	byte[] writeUsual(T value);

}
