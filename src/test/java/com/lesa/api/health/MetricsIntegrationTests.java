package com.lesa.api.health;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.RawHttp;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code /actuator/prometheus} on the management port shows after real traffic. */
@ServiceTest
class MetricsIntegrationTests {

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	@Autowired
	private HttpTestClient http;

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void livekit(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("TRUSTED_HOSTS", () -> "127.0.0.1");
		registry.add("CORS_ALLOW_ORIGINS", () -> "https://app.example.com");
	}


	@Test
	void prometheusShowsOurMetricsHttpServerJvmAndProcess() {
		this.http.postJson("/api/v1/auth/token", "{\"room\":\"m\",\"identity\":\"u\",\"mic_only\":true}");
		this.http.postJson("/api/v1/auth/token", "{\"room\":\"\",\"identity\":\"u\"}");
		this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"metrics-room\"}");
		this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"metrics-room\"}");
		livekit.answerNextWith(FakeLivekit.twirpError(503, "unavailable", "down"));
		this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"metrics-room-2\"}");
		RawHttp.get(port("local.server.port"), "/api/v1/health", "Host: evil.example");
		this.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.base() + "/api/v1/health"))
			.header("Origin", "https://evil.example"));

		String metrics = new HttpTestClient(port("local.management.port")).get("/actuator/prometheus").body();

		assertThat(metrics).contains("lesa_tokens_total{application=\"lesa-token-api\",mic_only=\"true\",outcome=\"issued\"} 1.0")
			.contains("lesa_tokens_total{application=\"lesa-token-api\",mic_only=\"false\",outcome=\"invalid\"} 1.0")
			.contains("lesa_dispatches_total{application=\"lesa-token-api\",outcome=\"created\",upstream_code=\"none\"} 1.0")
			.contains("lesa_dispatches_total{application=\"lesa-token-api\",outcome=\"deduplicated\",upstream_code=\"none\"} 1.0")
			.contains("lesa_dispatches_total{application=\"lesa-token-api\",outcome=\"failed\",upstream_code=\"unavailable\"} 1.0")
			.contains("lesa_livekit_calls_seconds_bucket{application=\"lesa-token-api\",method=\"CreateDispatch\",outcome=\"ok\"")
			.contains("lesa_http_refused_total{application=\"lesa-token-api\",reason=\"trusted_host\"} 1.0")
			.contains("lesa_http_refused_total{application=\"lesa-token-api\",reason=\"cors\"} 1.0")
			.contains("http_server_requests_seconds_bucket")
			.contains("jvm_memory_used_bytes")
			.contains("process_cpu_usage");
	}

	private int port(String property) {
		return this.environment.getRequiredProperty(property, Integer.class);
	}

}
