package com.lesa.api.web;

import tools.jackson.core.StreamReadFeature;

import com.lesa.api.config.HttpSettings;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the servlet filters of the HTTP edge in their explicit order. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** After the edge filters (request id, host, CORS, headers, log, auth, rate limit), before Spring MVC. */
	static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** A JSON object with the same key twice is ambiguous; refuse it rather than let the last one win silently. */
	@Bean
	JsonMapperBuilderCustomizer strictDuplicateKeys() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpSettings http, ProblemWriter problems) {
		var registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(http.maxRequestBodyBytes(), problems));
		registration.setOrder(BODY_LIMIT_ORDER);
		return registration;
	}

}
