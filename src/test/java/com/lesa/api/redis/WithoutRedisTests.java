package com.lesa.api.redis;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisOperations;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code REDIS_URL} (every other test's set-up) nothing of Redis is configured or used. */
@ServiceTest
class WithoutRedisTests {

	@Autowired
	private ApplicationContext context;

	@Value("${local.management.port}")
	private int managementPort;

	@Test
	void whenRedisUrlUnsetThenNoRedisClientAndNoRedisHealthCheck() {
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(RedisOperations.class)).isEmpty();
		// The bean is declared whatever the settings (the image is ahead-of-time processed), with no instance.
		assertThat(this.context.getBeanProvider(SharedRedis.class).getIfAvailable()).isNull();
		assertThat(new HttpTestClient(this.managementPort).get("/actuator/health").json().path("components").has("redis"))
			.isFalse();
	}

}
