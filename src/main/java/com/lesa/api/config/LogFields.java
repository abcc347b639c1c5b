package com.lesa.api.config;

/** Names of the structured log fields more than one package writes. */
public final class LogFields {

	/** The request id, in the logging context (MDC) for the request's whole life. */
	public static final String REQUEST_ID = "request_id";

	private LogFields() {
	}

}
