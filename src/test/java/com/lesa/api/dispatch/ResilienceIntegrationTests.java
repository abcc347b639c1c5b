package com.lesa.api.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A hung LiveKit and a crowd of dispatch requests: the bulkhead refuses the excess, tokens keep flowing. */
@ServiceTest
class ResilienceIntegrationTests {

	@RegisterExtension
	static final FakeLivekit livekit = FakeLivekit.forServiceTest();

	private final ExecutorService pool = Executors.newFixedThreadPool(24);

	@Autowired
	private HttpTestClient http;

	@DynamicPropertySource
	static void resilience(DynamicPropertyRegistry registry) {
		registry.add("LIVEKIT_URL", livekit::url);
		registry.add("LIVEKIT_MAX_CONCURRENT_CALLS", () -> "4");
		registry.add("LIVEKIT_CALL_TIMEOUT", () -> "3s");
		registry.add("LIVEKIT_READ_TIMEOUT", () -> "3s");
		registry.add("LIVEKIT_BREAKER_WINDOW", () -> "1000");
	}

	@AfterEach
	void heal() {
		livekit.reset();
		this.pool.shutdownNow();
	}


	@Test
	void whenLivekitHangsTheExcessDispatchesGetAFast503AndTokensKeepFlowing() {
		livekit.hang();
		List<CompletableFuture<Response>> dispatches = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String body = "{\"room\":\"hung-room-" + i + "\"}";
			dispatches.add(CompletableFuture.supplyAsync(() -> this.http.postJson("/api/v1/agent/dispatch", body),
					this.pool));
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> dispatches.stream().filter(CompletableFuture::isDone).count() == 16);
		assertThat(dispatches.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join))
			.allSatisfy((refused) -> {
				assertThat(refused.status()).isEqualTo(503);
				assertThat(refused.body()).contains("urn:lesa:problem:livekit-overloaded");
				assertThat(refused.header("Retry-After")).isEqualTo("5");
			});
		for (int i = 0; i < 20; i++) {
			assertThat(this.http.postJson("/api/v1/auth/token", "{\"room\":\"r\",\"identity\":\"u" + i + "\"}").status())
				.isEqualTo(200);
		}
		assertThat(this.http.get("/api/v1/health").status()).isEqualTo(200);
		assertThat(dispatches.stream().filter(CompletableFuture::isDone).count()).as("four still wait on LiveKit")
			.isEqualTo(16);

		Map<Integer, Long> statuses = dispatches.stream()
			.map(CompletableFuture::join)
			.collect(Collectors.groupingBy(Response::status, Collectors.counting()));
		assertThat(statuses).isEqualTo(Map.of(503, 16L, 504, 4L));
	}

	@Test
	void waitersForADeduplicatedCallTakePlacesInTheBulkheadToo() {
		livekit.hang();
		List<CompletableFuture<Response>> dispatches = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			dispatches.add(CompletableFuture.supplyAsync(
					() -> this.http.postJson("/api/v1/agent/dispatch", "{\"room\":\"one-hung-room\"}"), this.pool));
		}

		List<Response> answers = dispatches.stream().map(CompletableFuture::join).toList();
		Map<Integer, Long> statuses = answers.stream()
			.collect(Collectors.groupingBy(Response::status, Collectors.counting()));
		assertThat(statuses).as(answers.get(0).body()).isEqualTo(Map.of(503, 6L, 504, 4L));
		assertThat(livekit.creates("one-hung-room")).as("one call reached LiveKit").isEqualTo(1);
	}

}
