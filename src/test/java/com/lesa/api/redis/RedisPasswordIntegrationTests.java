package com.lesa.api.redis;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.RedisServer;
import com.lesa.api.support.ServiceTest;
import com.lesa.api.support.Logs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis that requires a password, given in {@code REDIS_URL} as operators do: used, shown healthy, and never logged.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class RedisPasswordIntegrationTests {

	private static final String PASSWORD = "redis-password-never-logged";

	@RegisterExtension
	static final RedisServer redis = RedisServer.start(PASSWORD);

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	@Autowired
	private HttpTestClient http;

	@Value("${local.management.port}")
	private int managementPort;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("REDIS_URL", redis::url);
		registry.add("RATE_LIMIT_TOKENS_PER_MINUTE", () -> "100");
	}


	@Test
	void dispatchAndRateLimitUseTheProtectedRedisAndThePasswordIsNeverLogged(CapturedOutput output) {
		int mark = Logs.mark(output);
		Response dispatched = this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"secured\"}");
		Response token = this.http.postJson("/api/v1/auth/token", "{\"room\":\"secured\",\"identity\":\"u\"}");

		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		assertThat(redis.get("lesa:dispatch:8:py-agent:secured")).startsWith("done:")
			.contains(dispatched.json().path("dispatch_id").asString());
		assertThat(redis.command("KEYS lesa:rate:*")).as("a token bucket in Redis").isEqualTo("*1");
		assertThat(Logs.since(output, mark)).doesNotContain("Redis failed");
		// Redis's health is on the management port, as Spring Boot's own check would show it.
		Response health = new HttpTestClient(this.managementPort).get("/actuator/health");
		assertThat(health.json().path("components").path("redis").path("status").asString()).as(health.body())
			.isEqualTo("UP");
		assertThat(health.body()).doesNotContain(PASSWORD);
		// The password must appear nowhere, start-up included.
		assertThat(Logs.flushed(output)).doesNotContain(PASSWORD);
	}

}
