package com.lesa.api.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import com.lesa.api.livekit.LivekitException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure as {@code application/problem+json}: 400 for JSON that does not parse, 413 for a body over
 * the limit, 415 for another content type, 422 naming each invalid field, 500 (logged, never described) for our own
 * bugs.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final Refusals refusals;

	ProblemDetailsAdvice(Refusals refusals) {
		this.refusals = refusals;
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
		return invalid(ex.violations());
	}

	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"The " + ex.budget() + " budget is used up; retry after " + ex.retryAfterSeconds() + " s."));
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		this.refusals.count("forbidden");
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				ex.field() + " " + ex.reason() + ".");
		problem.setProperty("errors", List.of(new Violation(ex.field(), ex.reason())));
		return problem(problem);
	}

	@ExceptionHandler(LivekitException.class)
	ResponseEntity<ProblemDetail> livekit(LivekitException ex) {
		return LivekitProblems.answer(ex);
	}

	/** Tomcat refuses a query string that is not valid percent-encoded UTF-8 when it is first read. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException ex) {
		return problem(malformed("The query string is not valid percent-encoded UTF-8."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unhandled error", ex);
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The service failed to handle this request; it has been logged."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return body(Problems.payloadTooLarge(tooLarge.limit()));
		}
		JacksonException json = findCause(ex, JacksonException.class);
		if (json instanceof StreamReadException && !(json instanceof InputCoercionException)) {
			return body(malformed("The request body is not valid JSON" + where(json) + "."));
		}
		if (json != null && !json.getPath().isEmpty()) {
			return body(invalid(List.of(new Violation(field(json), typeProblem(json)))).getBody());
		}
		return body(malformed("The request body must be a JSON object."));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Problems.standardize(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ResponseEntity<ProblemDetail> invalid(List<Violation> violations) {
		String detail = violations.stream()
			.map((violation) -> violation.field() + " " + violation.message())
			.collect(Collectors.joining("; ", "", "."));
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request",
				detail);
		problem.setProperty("errors",
				violations);
		return problem(problem);
	}

	private static ProblemDetail malformed(String detail) {
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ResponseEntity<Object> body(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static String field(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
	}

	private static String typeProblem(JacksonException ex) {
		if (ex instanceof InputCoercionException) {
			return "is out of range";
		}
		Class<?> target = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		if (target == null) {
			return "has the wrong type";
		}
		if (target == String.class) {
			return "must be a string";
		}
		if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
			return "must be a whole number";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "must be true or false";
		}
		if (Map.class.isAssignableFrom(target)) {
			return "must be an object of strings";
		}
		return "has the wrong type";
	}

	private static String where(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
