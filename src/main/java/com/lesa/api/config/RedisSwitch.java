package com.lesa.api.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Keeps Spring Boot's Redis auto-configuration out unless {@code REDIS_URL} is set, so a service without Redis has no
 * connection factory, no Redis health check and no Redis code on any request path. The reactive and repository
 * parts are never wanted. Exclusions already configured are kept.
 */
class RedisSwitch implements EnvironmentPostProcessor, Ordered {

	static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final String PACKAGE = "org.springframework.boot.data.redis.autoconfigure.";

	static final List<String> NEVER = List.of(PACKAGE + "DataRedisReactiveAutoConfiguration",
			PACKAGE + "DataRedisRepositoriesAutoConfiguration",
			PACKAGE + "health.DataRedisReactiveHealthContributorAutoConfiguration");

	static final List<String> WITHOUT_URL = List.of(PACKAGE + "DataRedisAutoConfiguration",
			PACKAGE + "health.DataRedisHealthContributorAutoConfiguration",
			PACKAGE + "observation.LettuceObservationAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Set<String> excluded = new LinkedHashSet<>(
				StringUtils.commaDelimitedListToSet(environment.getProperty(EXCLUDE, "")));
		excluded.removeIf((name) -> name.isBlank());
		excluded.addAll(NEVER);
		if (!StringUtils.hasText(environment.getProperty("lesa.redis.url"))) {
			excluded.addAll(WITHOUT_URL);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("lesaRedisSwitch",
					Map.of(EXCLUDE, String.join(",", excluded.stream().map(String::trim).toList()))));
	}

	@Override
	public int getOrder() {
		return LoggingSetup.ORDER - 2;
	}

}
