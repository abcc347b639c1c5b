package com.lesa.api.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.micrometer.core.instrument.MeterRegistry;
import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A replica whose Redis is not there yet (pods often start before it): it starts, serves, and stays ready. */
@ServiceTest
class RedisUnreachableAtStartTests {

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	private static final int NOTHING_LISTENS = freePort();

	@Autowired
	private HttpTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Value("${local.management.port}")
	private int managementPort;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("REDIS_URL", () -> "redis://127.0.0.1:" + NOTHING_LISTENS + "/0");
		registry.add("RATE_LIMIT_TOKENS_PER_MINUTE", () -> "100");
	}


	@Test
	void startsServesTokensAndDispatchesAndStaysReadyWithoutRedis() {
		Response token = this.http.postJson("/api/v1/auth/token", "{\"room\":\"early\",\"identity\":\"u\"}");
		Response dispatched = this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"early\"}");
		Response repeated = this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"early\"}");

		assertThat(token.status()).as(token.body()).isEqualTo(200);
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		assertThat(repeated.json().path("deduplicated").asBoolean()).as("de-duplicated in-process").isTrue();
		assertThat(livekit.creates("early")).isEqualTo(1);
		assertThat(new HttpTestClient(this.managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(this.meters.get("lesa.redis.shared").gauge().value()).isZero();
		assertThat(this.meters.get("lesa.redis.fallbacks").tag("use", "rate_limit").counter().count()).isPositive();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
