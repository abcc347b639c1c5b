package com.lesa.api.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.lesa.api.config.HostNames;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 "Invalid host header" to a request whose Host is missing, malformed or not in {@code TRUSTED_HOSTS},
 * before any other check. The actuator's probes are not on this port (MANAGEMENT_PORT is a port of its own), so
 * Kubernetes calling pods by IP never meets this check.
 */
class TrustedHostFilter extends OncePerRequestFilter {

	private final List<String> patterns;

	private final boolean anyHost;

	private final ProblemWriter problems;

	private final Refusals refusals;

	TrustedHostFilter(List<String> patterns, ProblemWriter problems, Refusals refusals) {
		this.refusals = refusals;
		this.patterns = List.copyOf(patterns);
		this.anyHost = patterns.stream().anyMatch((pattern) -> pattern.trim().equals("*"));
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isTrusted(request.getHeader("Host"))) {
			chain.doFilter(request, response);
			return;
		}
		this.refusals.count("trusted_host");
		this.problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "invalid-host", "Invalid host header",
				"The Host header is missing, malformed or not a host this service answers to."));
	}

	boolean isTrusted(String header) {
		String host = HostNames.hostOf(header);
		if (host == null) {
			return false;
		}
		return this.anyHost || this.patterns.stream().anyMatch((pattern) -> HostNames.matches(host, pattern));
	}

}
