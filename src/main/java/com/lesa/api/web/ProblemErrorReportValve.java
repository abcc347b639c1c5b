package com.lesa.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import com.lesa.api.config.HostNames;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to requests it refuses before any filter or controller runs (a malformed Host or header line, a
 * bad URI), as a problem with the security headers instead of Tomcat's HTML page. Nothing from the request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (status == 501 || status == 505) {
			// Tomcat's 501 (a method or transfer coding it does not implement) and 505 (an HTTP version) are about
			// the request, not a failure of ours: a 5xx from this service means our bug or an upstream failure.
			status = "CONNECT".equals(request.getMethod()) ? 405 : 400;
			response.setStatus(status);
		}
		try {
			response.resetBuffer();
			SecurityHeadersFilter.apply(response, request.isSecure());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body(status, hostIsInvalid(request)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nothing more can be said.
		}
	}

	private static boolean hostIsInvalid(Request request) {
		var hosts = request.getHeaders("Host");
		if (hosts == null || !hosts.hasMoreElements()) {
			return true;
		}
		String host = hosts.nextElement();
		return hosts.hasMoreElements() || HostNames.hostOf(host) == null;
	}

	static String body(int status, boolean invalidHost) {
		if (status == HttpStatus.BAD_REQUEST.value() && invalidHost) {
			return json(status, "invalid-host", "Invalid host header",
					"The Host header is missing, malformed or not a host this service answers to.");
		}
		HttpStatus known = HttpStatus.resolve(status);
		String phrase = (known != null) ? known.getReasonPhrase() : "Error";
		return json(status, phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), phrase,
				(status < 500) ? "The request could not be processed as sent."
						: "The service failed to handle this request; it has been logged.");
	}

	/** Only our own constant texts go in here, so no escaping is needed. */
	private static String json(int status, String slug, String title, String detail) {
		return "{\"type\":\"urn:lesa:problem:" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
	}

}
