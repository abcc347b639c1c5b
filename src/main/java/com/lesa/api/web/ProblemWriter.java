package com.lesa.api.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem from a filter that answers before Spring MVC, so early answers look like every other error. */
@Component
public class ProblemWriter {

	private final JsonMapper jsonMapper;

	ProblemWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader("Cache-Control", "no-store");
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}
