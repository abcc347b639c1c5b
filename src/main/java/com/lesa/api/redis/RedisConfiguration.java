package com.lesa.api.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import com.lesa.api.config.RedisSettings;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis as Spring Boot configures it from {@code REDIS_URL}, with two changes for a store the service can live
 * without: a command sent while the connection is down fails at once instead of queueing until its timeout, and
 * Lettuce tries to reconnect at least every {@code REDIS_RETRY_INTERVAL}, so shared mode resumes soon after Redis is
 * back.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	ClientResourcesBuilderCustomizer reconnectSoon(RedisSettings settings) {
		Duration upper = settings.retryInterval();
		return (resources) -> resources.reconnectDelay(Delay.exponential(Duration.ofMillis(50),
				upper.compareTo(Duration.ofMillis(50)) > 0 ? upper : Duration.ofMillis(50), 2, TimeUnit.MILLISECONDS));
	}

	@Bean
	SharedRedis sharedRedis(StringRedisTemplate template, LettuceConnectionFactory connections,
			RedisSettings settings, MeterRegistry meters) {
		return new SharedRedis(template, connections, settings, meters);
	}

}
