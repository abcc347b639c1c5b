package com.lesa.api.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets an endpoint add its own fields (room, identity, agent, dispatch id...) to the request's access-log line. Only
 * plain values: never a token or a secret.
 */
public final class AccessLog {

	private static final String ATTRIBUTE = AccessLog.class.getName() + ".fields";

	private AccessLog() {
	}

	/** Adds {@code name=value} to the current request's access-log line; does nothing outside a request. */
	public static void field(String name, Object value) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null && value != null) {
			fields(attributes).put(name, value);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fields(RequestAttributes attributes) {
		Object fields = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (fields == null) {
			fields = new LinkedHashMap<String, Object>();
			attributes.setAttribute(ATTRIBUTE, fields, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<String, Object>) fields;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> fieldsOf(HttpServletRequest request) {
		Object fields = request.getAttribute(ATTRIBUTE);
		return (fields != null) ? (Map<String, Object>) fields : Map.of();
	}

}
