package com.lesa.api.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems this service answers with. Every problem has a stable {@code type}
 * ({@code urn:lesa:problem:<slug>}) and {@code title}; the detail never carries a secret, a token, a stack trace or an
 * upstream's raw message.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:lesa:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + slug));
		problem.setTitle(title);
		return problem;
	}

	/** Gives a problem made by Spring (type {@code about:blank}) the stable type of its status. */
	public static void standardize(ProblemDetail problem) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			String phrase = (status != null) ? status.getReasonPhrase() : "error";
			problem.setType(URI.create(TYPE_PREFIX + phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
			if (problem.getTitle() == null) {
				problem.setTitle(phrase);
			}
		}
	}

	public static ProblemDetail payloadTooLarge(long limit) {
		return of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
				"The request body must be at most " + limit + " bytes.");
	}

}
