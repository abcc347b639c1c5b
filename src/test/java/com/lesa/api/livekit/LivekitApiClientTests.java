package com.lesa.api.livekit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.config.LivekitSettings;
import com.lesa.api.livekit.LivekitException.Failure;
import com.lesa.api.support.FakeLivekit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LivekitApiClientTests {

	static final String KEY = "APIclientTest";

	static final String SECRET = "client-test-secret-that-is-long-enough";

	private final FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);

	private final LivekitApiClient client = client(this.livekit.url(), Duration.ofMillis(700));

	@AfterEach
	void stop() {
		this.client.destroy();
		this.livekit.close();
	}

	@Test
	void createDispatchWhenHealthyThenReadsLivekitsSnakeCaseAnswer() {
		Instant before = Instant.now().minusSeconds(1);
		AgentDispatch dispatch = this.client.createDispatch("room-1", "py-agent", "{\"ticket\":42}");

		assertThat(dispatch.id()).startsWith("AD_");
		assertThat(dispatch.agentName()).isEqualTo("py-agent");
		assertThat(dispatch.room()).isEqualTo("room-1");
		assertThat(dispatch.metadata()).isEqualTo("{\"ticket\":42}");
		assertThat(dispatch.createdAt()).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(this.livekit.creates("room-1")).isEqualTo(1);
	}

	@Test
	void everyCallCarriesAFreshAdminTokenForExactlyThatRoomAndOurUserAgent() {
		this.client.createDispatch("room-a", "py-agent", null);
		this.client.listDispatches("room-a");

		List<FakeLivekit.Received> received = this.livekit.received();
		assertThat(received).extracting(FakeLivekit.Received::method).containsExactly("CreateDispatch", "ListDispatch");
		for (FakeLivekit.Received call : received) {
			assertThat(call.token().getClaim("video").asMap()).isEqualTo(Map.of("roomAdmin", true, "room", "room-a"));
			assertThat(call.token().getIssuer()).isEqualTo(KEY);
			assertThat(Duration.between(call.token().getNotBefore().toInstant(), call.token().getExpiresAt().toInstant()))
				.isEqualTo(Duration.ofMinutes(10));
			assertThat(call.userAgent()).startsWith("lesa-token-api/");
		}
		assertThat(received.get(0).body().has("metadata")).isFalse();
	}

	@Test
	void listAndDeleteSeeWhatCreateMade() {
		AgentDispatch first = this.client.createDispatch("room-2", "py-agent", null);
		AgentDispatch second = this.client.createDispatch("room-2", "helper", "m");

		assertThat(this.client.listDispatches("room-2")).extracting(AgentDispatch::id)
			.containsExactly(first.id(), second.id());
		assertThat(this.client.deleteDispatch("room-2", first.id()).id()).isEqualTo(first.id());
		assertThat(this.client.listDispatches("room-2")).extracting(AgentDispatch::id).containsExactly(second.id());
		assertThat(this.client.listDispatches("empty-room")).isEmpty();
	}

	@Test
	void answersAreReadLenientlyAsLivekitMayWriteThem() {
		this.livekit.answerNextWith(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json; charset=utf-8")
			.body("{\"id\":\"AD_camel\",\"agentName\":\"py-agent\",\"room\":\"r\",\"metadata\":null,"
					+ "\"state\":{\"createdAt\":1749271842128913872,\"jobs\":null},\"unknownThing\":[1,2]}")
			.build());

		AgentDispatch dispatch = this.client.createDispatch("r", "py-agent", null);

		assertThat(dispatch).isEqualTo(new AgentDispatch("AD_camel", "py-agent", "r", "",
				Instant.ofEpochSecond(1749271842L, 128913872L)));
	}

	@Test
	void apiBaseWhenWebSocketUrlWithPathThenHttpOriginOnly() {
		assertThat(LivekitApiClient.apiBase(URI.create("wss://lk.example.com/some/path")).toString())
			.isEqualTo("https://lk.example.com/");
		assertThat(LivekitApiClient.apiBase(URI.create("ws://localhost:7880")).toString())
			.isEqualTo("http://localhost:7880/");
		assertThat(LivekitApiClient.apiBase(URI.create("https://lk.example.com:8443/x")).toString())
			.isEqualTo("https://lk.example.com:8443/");
	}

	/** The OkHttp client is made on a thread of its own; what goes wrong there still stops start-up, unwrapped. */
	@Test
	void afterSingletonsWhenApiOriginCannotBeMadeThenItsFailureStopsStartUp() {
		// No host: settings validation refuses this at start-up; here it reaches the client to make its build fail.
		LivekitApiClient client = client("http:no-host", Duration.ofSeconds(2));

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(client::afterSingletonsInstantiated)
			.isNotInstanceOf(java.util.concurrent.CompletionException.class);
	}

	@Test
	void afterSingletonsWhenClientBuiltThenReturnsAndCallsUseIt() throws IOException {
		LivekitApiClient client = client("http://127.0.0.1:" + closedPort(), Duration.ofSeconds(2));

		client.afterSingletonsInstantiated();
		assertThat(client.isReachable()).isFalse();
		client.destroy();
	}

	@Test
	void whenConnectionRefusedThenRetriedWithBackoffThenUnreachable() throws IOException {
		LivekitApiClient refused = client("http://127.0.0.1:" + closedPort(), Duration.ofSeconds(2));

		long start = System.nanoTime();
		assertFailure(() -> refused.createDispatch("r", "py-agent", null), Failure.UNREACHABLE, null);
		// Three attempts: the 100 ms and 250 ms pauses between them are a lower bound on the time taken.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
		refused.destroy();
	}

	@Test
	void whenLivekitNeverAnswersThenTimeoutWithinTheCallTimeoutAndNoRetry() {
		this.livekit.handleNextThen((answer) -> answer.onResponseStart(SocketEffect.Stall.INSTANCE));

		long start = System.nanoTime();
		assertFailure(() -> this.client.createDispatch("slow", "py-agent", null), Failure.TIMEOUT, null);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.livekit.creates("slow")).isEqualTo(1);
	}

	@Test
	void whenConnectionDroppedAfterLivekitReadTheRequestThenNotRetried() {
		this.livekit.handleNextThen((answer) -> answer.onResponseStart(new SocketEffect.CloseSocket()));

		assertFailure(() -> this.client.createDispatch("dropped", "py-agent", null), Failure.CONNECTION_LOST, null);
		assertThat(this.livekit.creates("dropped")).isEqualTo(1);
	}

	@Test
	void whenTwirpErrorsThenCodeAndStatusAreCarried() {
		this.livekit.answerNextWith(FakeLivekit.twirpError(500, "internal", "boom"));
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.TWIRP_ERROR, "internal");
		this.livekit.answerNextWith(FakeLivekit.twirpError(503, "unavailable", "no response from servers"));
		assertFailure(() -> this.client.listDispatches("r"), Failure.TWIRP_ERROR, "unavailable");
		this.livekit.answerNextWith(FakeLivekit.twirpError(401, "unauthenticated", "permissions denied"));
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.TWIRP_ERROR, "unauthenticated");
		assertFailure(() -> this.client.deleteDispatch("r", "AD_missing"), Failure.TWIRP_ERROR, "not_found");
		assertFailure(() -> this.client.createDispatch("r", "a", "m".repeat(600 * 1024)), Failure.TWIRP_ERROR,
				"invalid_argument");
		assertThat(this.livekit.creates("r")).isZero();
	}

	@Test
	void whenTokenRefusedThenUnauthorized() {
		LivekitApiClient wrongSecret = client(this.livekit.url(), Duration.ofSeconds(2),
				"another-secret-that-is-long-enough-too");

		assertFailure(() -> wrongSecret.createDispatch("r", "a", null), Failure.UNAUTHORIZED, null);
		assertThat(this.livekit.creates("r")).isZero();
		wrongSecret.destroy();
	}

	@Test
	void whenSomethingElseAnswersThenBadResponse() {
		this.livekit.answerNextWith(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html><body><h1>502 Bad Gateway</h1></body></html>")
			.build());
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.BAD_RESPONSE, null);

		this.livekit.answerNextWith(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/html")
			.body("<html>login</html>")
			.build());
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.BAD_RESPONSE, null);

		this.livekit.answerNextWith(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("{\"no_id\":true}")
			.build());
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.BAD_RESPONSE, null);
	}

	@Test
	void whenAnswerIsManyMegabytesThenBadResponseWithoutReadingItAll() {
		Buffer huge = new Buffer();
		huge.writeUtf8("{\"id\":\"AD_x\",\"metadata\":\"");
		for (int i = 0; i < 8 * 1024; i++) {
			huge.writeUtf8("x".repeat(1024));
		}
		huge.writeUtf8("\"}");
		this.livekit.answerNextWith(
				new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(huge.copy()).build());
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.BAD_RESPONSE, null);

		this.livekit.answerNextWith(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.chunkedBody(huge, 64 * 1024)
			.build());
		assertFailure(() -> this.client.createDispatch("r", "a", null), Failure.BAD_RESPONSE, null);
	}

	private static void assertFailure(Runnable call, Failure failure, String twirpCode) {
		assertThatExceptionOfType(LivekitException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.failure()).isEqualTo(failure);
			assertThat(ex.twirpCode()).isEqualTo(twirpCode);
			assertThat(ex.getMessage()).doesNotContain("eyJ").doesNotContain(SECRET);
		});
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static LivekitApiClient client(String url, Duration callTimeout) {
		return client(url, callTimeout, SECRET);
	}

	private static LivekitApiClient client(String url, Duration callTimeout, String secret) {
		return client(url, secret, new LivekitApiSettings(Duration.ofMillis(500), Duration.ofMillis(500), callTimeout, 32,
				1000, Duration.ofSeconds(10), Duration.ofMillis(250)));
	}

	/** A client as the application makes it, with its own bulkhead and circuit breaker. */
	static LivekitApiClient client(String url, String secret, LivekitApiSettings api) {
		LivekitSettings settings = new LivekitSettings(URI.create("ws://127.0.0.1"), URI.create(url), KEY, secret);
		AccessTokenMinter minter = new AccessTokenMinter(settings, Clock.systemUTC());
		return new LivekitApiClient(settings, api, minter, JsonMapper.builder().build(),
				new DefaultListableBeanFactory().getBeanProvider(BuildProperties.class), new SimpleMeterRegistry(),
				new LivekitBulkhead(api));
	}

}
