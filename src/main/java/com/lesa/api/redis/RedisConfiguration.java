package com.lesa.api.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import com.lesa.api.config.RedisSettings;

import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis replicas share, made here from {@code REDIS_URL} rather than by Spring Boot's Redis auto-configuration:
 * the image runs ahead-of-time processed, where which beans exist is fixed when the jar is built, so whether Redis is
 * used is decided here, when the service starts. Without {@code REDIS_URL} the bean has no instance (a {@code null}
 * bean: {@code ObjectProvider.getIfAvailable()} answers {@code null}), no Redis client exists and no Redis code runs.
 * With it, the client is what Spring Boot would configure from the URL (host, credentials, TLS, database, timeouts),
 * with two changes for a store the service can live without: a command sent while the connection is down fails at
 * once instead of queueing until its timeout, and Lettuce tries to reconnect at least every
 * {@code REDIS_RETRY_INTERVAL}, so shared mode resumes soon after Redis is back. Its health shows as {@code redis} on
 * the management port, as Spring Boot's would.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	static final String HEALTH_NAME = "redis";

	@Bean
	SharedRedis sharedRedis(RedisSettings settings, MeterRegistry meters, HealthContributorRegistry health) {
		if (!settings.enabled()) {
			return null;
		}
		LettuceConnectionFactory connections = connectionFactory(settings);
		health.registerContributor(HEALTH_NAME, new DataRedisHealthIndicator(connections));
		return new SharedRedis(new StringRedisTemplate(connections), connections, settings, meters);
	}

	static LettuceConnectionFactory connectionFactory(RedisSettings settings) {
		RedisURI uri = RedisURI.create(settings.url());
		Duration upper = settings.retryInterval().compareTo(Duration.ofMillis(50)) > 0 ? settings.retryInterval()
				: Duration.ofMillis(50);
		ClientResources resources = DefaultClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), upper, 2, TimeUnit.MILLISECONDS))
			.build();
		ClientOptions options = ClientOptions.builder()
			.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled())
			.build();
		// apply() takes TLS and the client name from the URL, and the URL's timeout, which ours then replaces.
		LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.apply(uri)
			.clientResources(resources)
			.clientOptions(options)
			.commandTimeout(settings.timeout());
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
		connections.afterPropertiesSet();
		connections.start();
		return connections;
	}

}
