package com.lesa.api.web;

/** An authenticated caller asked for something it may not have; answered 403. */
public class ForbiddenException extends RuntimeException {

	private final String field;

	private final String reason;

	public ForbiddenException(String field, String reason) {
		super("Forbidden: " + field + " " + reason, null, false, false);
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return this.field;
	}

	public String reason() {
		return this.reason;
	}

}
