package com.lesa.api.redis;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAutoConfigurationFilterTests {

	private static final String REDIS = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

	private static final String HEALTH = "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration";

	private static final String OTHER = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration";

	@Test
	void withoutRedisUrlOnlyRedisIsFilteredOut() {
		assertThat(match("")).containsExactly(false, false, true, true);
		assertThat(match("  ")).containsExactly(false, false, true, true);
	}

	@Test
	void withRedisUrlEverythingPasses() {
		assertThat(match("redis://redis:6379/0")).containsExactly(true, true, true, true);
	}

	private static boolean[] match(String url) {
		RedisAutoConfigurationFilter filter = new RedisAutoConfigurationFilter();
		filter.setEnvironment(new MockEnvironment().withProperty("lesa.redis.url", url));
		return filter.match(new String[] { REDIS, HEALTH, OTHER, null }, null);
	}

}
