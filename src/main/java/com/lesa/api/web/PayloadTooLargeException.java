package com.lesa.api.web;

import java.io.IOException;

/** Thrown while reading a request body that goes past the configured limit. */
class PayloadTooLargeException extends IOException {

	private final long limit;

	PayloadTooLargeException(long limit) {
		super("Request body exceeds " + limit + " bytes");
		this.limit = limit;
	}

	long limit() {
		return this.limit;
	}

}
