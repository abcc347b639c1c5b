package com.lesa.api.web;

import tools.jackson.core.JsonParser;

/**
 * Reads a request record from the usual shape of its JSON body with the streaming parser, faster than data binding,
 * or answers {@code null} for anything else, which data binding then reads from the same bytes and decides (errors
 * included). It must never answer a body differently from data binding, only sooner.
 * @param <T> the record it reads
 */
public interface UsualJsonReader<T extends Record> {

	/** The {@code @RequestBody} record type this reader reads. */
	Class<T> type();

	/**
	 * The record, or {@code null} when the body is not in the usual shape; may throw on bodies that are not JSON
	 * (then data binding reads them too, and reports them as it does).
	 * @param json a parser at the start of the whole body
	 */
	T readUsual(JsonParser json);

}
