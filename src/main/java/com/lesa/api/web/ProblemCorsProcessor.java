package com.lesa.api.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS processing, with its refusal (403) written as a problem like every other error. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

	private final ProblemWriter problems;

	private final Refusals refusals;

	ProblemCorsProcessor(ProblemWriter problems, Refusals refusals) {
		this.problems = problems;
		this.refusals = refusals;
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		this.refusals.count("cors");
		if (response instanceof ServletServerHttpResponse servlet) {
			this.problems.write(servlet.getServletResponse(), Problems.of(HttpStatus.FORBIDDEN, "cors-origin-refused",
					"Origin not allowed", "This origin, method or header is not allowed to call this service."));
		}
		else {
			super.rejectRequest(response);
		}
	}

}
