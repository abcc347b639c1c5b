package com.lesa.api.web;

import java.util.List;

/** A well-formed request whose fields are invalid; answered 422 with every violation listed. */
public class InvalidRequestException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidRequestException(List<Violation> violations) {
		super("Invalid request: " + violations.size() + " violation(s)", null, false, false);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
