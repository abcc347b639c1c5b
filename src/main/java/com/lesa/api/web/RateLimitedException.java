package com.lesa.api.web;

/** A caller (or a room) used up its budget; answered 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

	private final String budget;

	private final long retryAfterSeconds;

	public RateLimitedException(String budget, long retryAfterSeconds) {
		super("Rate limit reached: " + budget, null, false, false);
		this.budget = budget;
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	/** Which budget: {@code tokens}, {@code dispatches} or {@code room_dispatches}. */
	public String budget() {
		return this.budget;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
