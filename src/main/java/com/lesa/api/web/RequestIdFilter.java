package com.lesa.api.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import com.lesa.api.config.LogFields;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request an id: the caller's {@code X-Request-ID} when it is of sane form (at most 128 characters of
 * letters, digits and {@code . _ : / + = -}), a new UUID otherwise. The id is answered in {@code X-Request-ID}, is in
 * the logging context while the request runs, and goes to LiveKit with upstream calls.
 */
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-ID";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = (given != null && SANE.matcher(given).matches()) ? given : newId();
		response.setHeader(HEADER, id);
		MDC.put(LogFields.REQUEST_ID, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(LogFields.REQUEST_ID);
		}
	}

	/**
	 * A random (version 4) UUID from {@link ThreadLocalRandom}. A request id must be unique, not unguessable:
	 * {@link UUID#randomUUID()} draws from one {@code SecureRandom} behind a lock that every request thread queues on.
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
