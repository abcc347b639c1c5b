package com.lesa.api.livekit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.livekit.LivekitException.Failure;
import com.lesa.api.support.FakeLivekit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The bulkhead and the circuit breaker around LiveKit, against a fake that stalls or fails. */
class LivekitResilienceTests {

	private final FakeLivekit livekit = FakeLivekit.start(LivekitApiClientTests.KEY, LivekitApiClientTests.SECRET);

	private final ExecutorService pool = Executors.newCachedThreadPool();

	private final List<LivekitApiClient> clients = new ArrayList<>();

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
		this.clients.forEach(LivekitApiClient::destroy);
		this.livekit.close();
	}

	@Test
	void whenLivekitHangsThenOnlyTheBulkheadsWorthOfCallsWaitAndTheRestAreRefusedAtOnce() {
		LivekitApiClient client = client(2, 1000, Duration.ofSeconds(10), Duration.ofSeconds(3));
		this.livekit.hang();

		List<CompletableFuture<AgentDispatch>> waiting = List.of(
				CompletableFuture.supplyAsync(() -> client.createDispatch("hung-1", "a", null), this.pool),
				CompletableFuture.supplyAsync(() -> client.createDispatch("hung-2", "a", null), this.pool));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.livekit.creates("hung-1") + this.livekit.creates("hung-2") == 2);

		assertFailure(() -> client.createDispatch("hung-3", "a", null), Failure.OVERLOADED);
		assertThat(waiting).as("the two calls in the bulkhead are still waiting").noneMatch(CompletableFuture::isDone);
		assertThat(this.livekit.creates("hung-3")).isZero();
		for (CompletableFuture<AgentDispatch> call : waiting) {
			assertThatExceptionOfType(CompletionException.class).isThrownBy(call::join)
				.havingCause()
				.isInstanceOf(LivekitException.class)
				.satisfies((ex) -> assertThat(((LivekitException) ex).failure()).isEqualTo(Failure.TIMEOUT));
		}
		this.livekit.reset();
		assertThat(client.createDispatch("hung-4", "a", null).id()).as("permits are given back").startsWith("AD_");
	}

	@Test
	void whenLivekitKeepsFailingThenTheBreakerOpensFailsFastAndAProbeClosesIt() {
		LivekitApiClient client = client(32, 4, Duration.ofMillis(300), Duration.ofSeconds(2));
		// A window of 4 judges once it has seen 2 calls: two 503s in a row open it.
		for (int i = 0; i < 2; i++) {
			this.livekit.answerNextWith(FakeLivekit.twirpError(503, "unavailable", "no response from servers"));
			assertFailure(() -> client.listDispatches("r"), Failure.TWIRP_ERROR);
		}
		int reached = this.livekit.received().size();

		assertFailure(() -> client.createDispatch("r", "a", null), Failure.CIRCUIT_OPEN);
		assertFailure(() -> client.listDispatches("r"), Failure.CIRCUIT_OPEN);
		assertThat(this.livekit.received()).as("an open breaker sends nothing").hasSize(reached);
		assertThat(this.livekit.creates("r")).isZero();

		await().atMost(Duration.ofSeconds(5))
			.ignoreExceptionsInstanceOf(LivekitException.class)
			.until(() -> client.listDispatches("r") != null);
		assertThat(client.createDispatch("r", "a", null).id()).as("closed again after a good probe").startsWith("AD_");
	}

	@Test
	void twirp4xxAnswersNeverOpenTheBreaker() {
		LivekitApiClient client = client(32, 4, Duration.ofSeconds(10), Duration.ofSeconds(2));

		for (int i = 0; i < 10; i++) {
			assertFailure(() -> client.deleteDispatch("r", "AD_missing"), Failure.TWIRP_ERROR);
		}

		assertThat(client.createDispatch("r", "a", null).id()).startsWith("AD_");
		assertThat(this.livekit.received()).hasSize(11);
	}

	private LivekitApiClient client(int maxConcurrent, int window, Duration openDuration, Duration callTimeout) {
		LivekitApiClient client = LivekitApiClientTests.client(this.livekit.url(), LivekitApiClientTests.SECRET,
				new LivekitApiSettings(Duration.ofMillis(500), Duration.ofSeconds(5), callTimeout, maxConcurrent, window,
						openDuration, Duration.ofMillis(250)));
		this.clients.add(client);
		return client;
	}

	private static void assertFailure(Runnable call, Failure failure) {
		assertThatExceptionOfType(LivekitException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(failure));
	}

}
