package com.lesa.api.web;

import java.util.Set;

import com.lesa.api.livekit.LivekitException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How a failed LiveKit call looks to our caller: 503 (with {@code Retry-After}) when LiveKit cannot be reached, 504
 * when it is too slow, 422 when it refused the request itself, 404 when what was asked for is not there, 502 when it
 * refused our credentials or answered something that is not LiveKit. LiveKit's own message is never passed on.
 */
final class LivekitProblems {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Set<String> REQUEST_ERRORS = Set.of("invalid_argument", "malformed", "out_of_range",
			"failed_precondition", "already_exists");

	private LivekitProblems() {
	}

	static ResponseEntity<ProblemDetail> answer(LivekitException ex) {
		ProblemDetail problem = problem(ex);
		if (ex.twirpCode() != null) {
			problem.setProperty("upstream_code", ex.twirpCode());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return response.body(problem);
	}

	private static ProblemDetail problem(LivekitException ex) {
		return switch (ex.failure()) {
			case UNREACHABLE -> unavailable();
			case TIMEOUT -> timeout();
			case CONNECTION_LOST -> Problems.of(HttpStatus.BAD_GATEWAY, "livekit-connection-lost",
					"LiveKit connection lost", "LiveKit closed the connection without answering; the outcome is unknown.");
			case UNAUTHORIZED -> refusedCredentials();
			case BAD_RESPONSE -> Problems.of(HttpStatus.BAD_GATEWAY, "livekit-bad-response", "Bad answer from LiveKit",
					"The LiveKit server answered with something that is not a LiveKit API response.");
			case TWIRP_ERROR -> twirp(ex.twirpCode());
			case OVERLOADED -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "livekit-overloaded", "LiveKit busy",
					"Too many requests are waiting on LiveKit; try again shortly.");
			case CIRCUIT_OPEN -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "livekit-unavailable",
					"LiveKit unavailable", "LiveKit has been failing; calls to it are paused. Try again shortly.");
		};
	}

	private static ProblemDetail twirp(String code) {
		if (REQUEST_ERRORS.contains(code)) {
			return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "livekit-rejected-request",
					"Request rejected by LiveKit", "LiveKit rejected the request as invalid (" + code + ").");
		}
		return switch (code) {
			case "not_found" -> Problems.of(HttpStatus.NOT_FOUND, "livekit-not-found", "Not found in LiveKit",
					"LiveKit has no such object.");
			case "unauthenticated", "permission_denied" -> refusedCredentials();
			case "unavailable", "resource_exhausted" -> unavailable();
			case "deadline_exceeded", "canceled" -> timeout();
			default -> Problems.of(HttpStatus.BAD_GATEWAY, "livekit-error", "LiveKit error",
					"LiveKit failed to handle the request (" + code + ").");
		};
	}

	private static ProblemDetail unavailable() {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "livekit-unavailable", "LiveKit unavailable",
				"The LiveKit server could not be reached; try again shortly.");
	}

	private static ProblemDetail timeout() {
		return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "livekit-timeout", "LiveKit timed out",
				"The LiveKit server did not answer in time.");
	}

	private static ProblemDetail refusedCredentials() {
		return Problems.of(HttpStatus.BAD_GATEWAY, "livekit-refused-credentials", "LiveKit refused our credentials",
				"The LiveKit server refused this service's API key; the service is misconfigured.");
	}

}
