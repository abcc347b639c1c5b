package com.lesa.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access-log line per request, after it ends: method, path (never the query string, which may carry a token),
 * status, duration, client IP, user agent, plus the endpoint's own fields. The request id comes from the logging
 * context. Values are written as JSON strings, so CR/LF in them cannot forge lines.
 */
class AccessLogFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("com.lesa.api.access");

	private static final int MAX_VALUE_LENGTH = 512;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			if (log.isInfoEnabled()) {
				log(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), start);
			}
		}
	}

	private static void log(HttpServletRequest request, int status, long start) {
		double millis = (System.nanoTime() - start) / 1_000_000.0;
		String path = bounded(request.getRequestURI());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("method", request.getMethod());
		fields.put("path", path);
		fields.put("status", status);
		fields.put("duration_ms", Math.round(millis * 1000) / 1000.0);
		fields.put("client_ip", request.getRemoteAddr());
		fields.put("user_agent", bounded(request.getHeader("User-Agent")));
		fields.putAll(AccessLog.fieldsOf(request));
		log.info(Markers.appendEntries(fields), "{} {} {} {}ms", request.getMethod(), path, status,
				Math.round(millis));
	}

	private static String bounded(String value) {
		if (value == null) {
			return "";
		}
		return (value.length() > MAX_VALUE_LENGTH) ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
	}

}
