package com.lesa.api.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSwitchTests {

	private static final String OURS = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration";

	@Test
	void withoutRedisUrlSpringBootsRedisConfigurationIsExcludedAndOtherExclusionsKept() {
		List<String> excluded = excluded(Map.of("lesa.redis.url", "", RedisSwitch.EXCLUDE, OURS + ", com.example.X"));

		assertThat(excluded).contains(OURS, "com.example.X")
			.containsAll(RedisSwitch.WITHOUT_URL)
			.containsAll(RedisSwitch.NEVER)
			.doesNotHaveDuplicates();
	}

	@Test
	void withRedisUrlOnlyTheReactiveAndRepositoryPartsAreExcluded() {
		List<String> excluded = excluded(Map.of("lesa.redis.url", "redis://redis:6379/0", RedisSwitch.EXCLUDE, OURS));

		assertThat(excluded).contains(OURS).containsAll(RedisSwitch.NEVER).doesNotContainAnyElementsOf(RedisSwitch.WITHOUT_URL);
	}

	private static List<String> excluded(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("test", properties));
		new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());
		return List.of(environment.getRequiredProperty(RedisSwitch.EXCLUDE).split(","));
	}

}
