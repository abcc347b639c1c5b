package com.lesa.api.redis;

import io.micrometer.core.instrument.MeterRegistry;

import com.lesa.api.config.RedisSettings;

import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis replicas share, made here from {@code REDIS_URL} rather than by Spring Boot's Redis auto-configuration:
 * the image runs ahead-of-time processed, where which beans exist is fixed when the jar is built, so whether Redis is
 * used is decided here, when the service starts. Without {@code REDIS_URL} the bean has no instance (a {@code null}
 * bean: {@code ObjectProvider.getIfAvailable()} answers {@code null}), no Redis client exists, no Redis code runs and
 * no Redis class is loaded ({@link LettuceClient}). With it, the client is {@link LettuceClient}'s; its health shows
 * as {@code redis} on the management port, as Spring Boot's would.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	static final String HEALTH_NAME = "redis";

	@Bean
	SharedRedis sharedRedis(RedisSettings settings, MeterRegistry meters, HealthContributorRegistry health) {
		if (!settings.enabled()) {
			return null;
		}
		LettuceClient client = LettuceClient.connect(settings);
		health.registerContributor(HEALTH_NAME, client.health());
		return new SharedRedis(client, settings, meters);
	}

}
