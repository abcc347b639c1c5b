package com.lesa.api.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code LOG_FORMAT} and {@code DEBUG} into logging configuration before the logging system starts: the
 * appender {@code logback-spring.xml} uses (JSON unless a valid {@code text} is asked for, so even a bad value logs its
 * own start-up error), and DEBUG for this service's loggers only. {@code DEBUG} is this service's setting: Spring
 * Boot, which would read the same variable as its own debug mode, is told no.
 */
class LoggingSetup implements EnvironmentPostProcessor, Ordered {

	static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	static final String APPENDER_PROPERTY = "lesa.log.appender";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty("lesa.service.log-format", "json").trim().toLowerCase(Locale.ROOT);
		Map<String, Object> logging = new HashMap<>();
		logging.put(APPENDER_PROPERTY, format.equals("text") ? "text" : "json");
		logging.put("debug", "false");
		if ("true".equalsIgnoreCase(environment.getProperty("lesa.service.debug", "").trim())) {
			logging.put("logging.level.com.lesa", "DEBUG");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("lesaLogging", logging));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
