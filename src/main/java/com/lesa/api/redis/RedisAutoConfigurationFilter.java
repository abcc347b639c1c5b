package com.lesa.api.redis;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Keeps Spring Boot's Redis auto-configuration out unless {@code REDIS_URL} is set, so a service without Redis has no
 * connection factory, no Redis health check and no Redis code on any request path. It decides with the same
 * environment, at the same time, as {@link RedisConfigured}, so the two always agree. (The reactive and repository
 * parts are excluded for good in {@code application.properties}.)
 */
public final class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final Set<String> NEEDS_REDIS_URL = Set.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean redis = StringUtils.hasText(this.environment.getProperty("lesa.redis.url"));
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < matches.length; i++) {
			// A null entry was filtered out by an earlier filter.
			String candidate = autoConfigurationClasses[i];
			matches[i] = redis || candidate == null || !NEEDS_REDIS_URL.contains(candidate);
		}
		return matches;
	}

}
