package com.lesa.api.web;

import java.time.Duration;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.StreamReadFeature;

import org.apache.catalina.core.StandardHost;

import com.lesa.api.config.HttpSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The HTTP edge: servlet filters in their explicit order. The request id, access log and security headers come first
 * so that even a refused request is logged and hardened; they read nothing from the request but its id. The trusted
 * host check is the first check, then CORS, then the body limit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final int WHOLE_RESPONSE_ORDER = Ordered.HIGHEST_PRECEDENCE;

	static final int REQUEST_ID_ORDER = WHOLE_RESPONSE_ORDER + 1;

	static final int ACCESS_LOG_ORDER = REQUEST_ID_ORDER + 1;

	static final int SECURITY_HEADERS_ORDER = REQUEST_ID_ORDER + 2;

	static final int TRUSTED_HOST_ORDER = REQUEST_ID_ORDER + 3;

	static final int CORS_ORDER = REQUEST_ID_ORDER + 4;

	/** After the edge filters and caller authentication (Spring Security's chain, at -100), before Spring MVC. */
	static final int BODY_LIMIT_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

	private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

	/** A JSON object with the same key twice is ambiguous; refuse it rather than let the last one win silently. */
	@Bean
	JsonMapperBuilderCustomizer strictDuplicateKeys() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	/**
	 * This service's JSON request records are read without Spring MVC's general body machinery, in their usual shape
	 * by their {@link UsualJsonReader}s; response records with a {@link UsualJsonWriter} are written in theirs.
	 */
	@Bean
	static BeanPostProcessor jsonBodies(ObjectProvider<UsualJsonReader<?>> usualReaders,
			ObjectProvider<UsualJsonWriter<?>> usualWriters) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof RequestMappingHandlerAdapter adapter) {
					JsonRequestBodyResolver.install(adapter, usualReaders.orderedStream().toList());
					JsonResponseBodyHandler.install(adapter, usualWriters.orderedStream().toList());
				}
				return bean;
			}

		};
	}

	/** Tomcat's own refusals (before any filter) become problems too. */
	@Bean
	TomcatContextCustomizer problemErrorReports() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

	@Bean
	FilterRegistrationBean<WholeResponseFilter> wholeResponseFilter() {
		return register(new WholeResponseFilter(), WHOLE_RESPONSE_ORDER);
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		return register(new RequestIdFilter(), REQUEST_ID_ORDER);
	}

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
		return register(new AccessLogFilter(), ACCESS_LOG_ORDER);
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = register(new SecurityHeadersFilter(),
				SECURITY_HEADERS_ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	FilterRegistrationBean<TrustedHostFilter> trustedHostFilter(HttpSettings http, ProblemWriter problems,
			Refusals refusals) {
		return register(new TrustedHostFilter(http.trustedHosts(), problems, refusals), TRUSTED_HOST_ORDER);
	}

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(HttpSettings http, ProblemWriter problems, Refusals refusals) {
		// One configuration for every path: no path to match per request (1.4% of a request's CPU samples with
		// UrlBasedCorsConfigurationSource and "/**").
		CorsConfiguration configuration = corsConfiguration(http.cors());
		CorsFilter filter = new CorsFilter((request) -> configuration);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems, refusals));
		return register(filter, CORS_ORDER);
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpSettings http, ProblemWriter problems) {
		return register(new RequestBodyLimitFilter(http.maxRequestBodyBytes(), problems), BODY_LIMIT_ORDER);
	}

	/**
	 * Spring's CORS rules from the settings. {@code *} with credentials cannot work (browsers refuse it and Spring
	 * throws); production refuses to start with it, elsewhere it is answered as {@code *} without credentials.
	 */
	static CorsConfiguration corsConfiguration(HttpSettings.Cors cors) {
		CorsConfiguration config = new CorsConfiguration();
		for (String origin : cors.allowOrigins()) {
			String value = origin.trim();
			if (value.equals("*")) {
				config.addAllowedOrigin("*");
			}
			else if (value.contains("*")) {
				config.addAllowedOriginPattern(value);
			}
			else {
				config.addAllowedOrigin(value);
			}
		}
		if (cors.allowsAnyOriginWithCredentials()) {
			log.warn("CORS_ALLOW_ORIGINS=* with CORS_ALLOW_CREDENTIALS=true cannot work in browsers: answering any "
					+ "origin without credentials. List the origins to allow credentials; production refuses this.");
			config.setAllowCredentials(false);
		}
		else {
			config.setAllowCredentials(cors.allowCredentials());
		}
		cors.allowMethods().forEach((method) -> config.addAllowedMethod(method.trim()));
		cors.allowHeaders().forEach((header) -> config.addAllowedHeader(header.trim()));
		config.addExposedHeader(RequestIdFilter.HEADER);
		config.addExposedHeader("Retry-After");
		config.setMaxAge(Duration.ofMinutes(10));
		return config;
	}

	private static <F extends Filter> FilterRegistrationBean<F> register(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		return registration;
	}

}
