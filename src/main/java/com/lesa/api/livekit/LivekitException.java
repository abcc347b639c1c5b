package com.lesa.api.livekit;

/**
 * A LiveKit server API call that did not succeed, and why. The message names the call and the failure, never
 * LiveKit's own message, a token or a secret.
 */
public class LivekitException extends RuntimeException {

	/** What went wrong, in the terms a caller can act on. */
	public enum Failure {

		/** The request never reached LiveKit (connection refused, unresolvable, connect timeout). */
		UNREACHABLE("livekit_unavailable", "LiveKit could not be reached"),

		/** LiveKit took the request but did not answer in time. */
		TIMEOUT("livekit_timeout", "LiveKit did not answer in time"),

		/** LiveKit took the request and closed the connection without answering. */
		CONNECTION_LOST("livekit_connection_lost", "LiveKit closed the connection without answering"),

		/** LiveKit answered with a Twirp error; {@link #twirpCode()} says which. */
		TWIRP_ERROR("livekit_error", "LiveKit refused the request"),

		/** LiveKit refused this service's credentials (its plain-text 401). */
		UNAUTHORIZED("livekit_unauthorized", "LiveKit refused this service's credentials"),

		/** Something answered that is not LiveKit: an HTML error page, a huge or unreadable body. */
		BAD_RESPONSE("livekit_bad_response", "LiveKit's answer was not understood"),

		/** Too many requests already wait on LiveKit (the bulkhead is full); nothing was sent. */
		OVERLOADED("livekit_overloaded", "Too many requests are waiting on LiveKit"),

		/** LiveKit has been failing, so calls are paused for a while (the circuit breaker is open); nothing was sent. */
		CIRCUIT_OPEN("livekit_circuit_open", "LiveKit is failing; calls to it are paused");

		private final String code;

		private final String description;

		Failure(String code, String description) {
			this.code = code;
			this.description = description;
		}

		public String code() {
			return this.code;
		}

		public String description() {
			return this.description;
		}

	}

	private final Failure failure;

	private final String twirpCode;

	private final int httpStatus;

	LivekitException(String method, Failure failure, String twirpCode, int httpStatus, Throwable cause) {
		super("LiveKit " + method + ": " + failure.description()
				+ ((twirpCode != null) ? " (" + twirpCode + ")" : "")
				+ ((httpStatus > 0) ? " [HTTP " + httpStatus + "]" : ""), cause);
		this.failure = failure;
		this.twirpCode = twirpCode;
		this.httpStatus = httpStatus;
	}

	/** A refusal made here, before anything was sent to LiveKit. */
	static LivekitException refused(String method, Failure failure) {
		return new LivekitException(method, failure, null, 0, null);
	}

	/** A caller that waited for another caller's call and gave up. */
	public static LivekitException timedOut(String method, Throwable cause) {
		return new LivekitException(method, Failure.TIMEOUT, null, 0, cause);
	}

	public Failure failure() {
		return this.failure;
	}

	/** The Twirp error code LiveKit answered with, or null. */
	public String twirpCode() {
		return this.twirpCode;
	}

	/** LiveKit's HTTP status, or 0 when there was no answer. */
	public int httpStatus() {
		return this.httpStatus;
	}

}
