package com.lesa.api.redis;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import com.lesa.api.LesaApiApplication;
import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.RedisServer;
import com.lesa.api.support.ServiceTest;
import com.lesa.api.support.Logs;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.lesa.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service (two application contexts on two ports), one real {@code redis-server} and one LiveKit
 * fake: what several replicas behind a load balancer see.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedStateIntegrationTests {

	private static final int RATE_LIMIT = 4;

	private static final AtomicInteger rooms = new AtomicInteger();

	private static RedisServer redis;

	private static FakeLivekit livekit;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private String room;

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		livekit = FakeLivekit.forServiceTest();
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { first, second, livekit, redis }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// closing the others matters more
				}
			}
		}
	}

	@BeforeEach
	void setUp() {
		redis.startAgain();
		// After a test that stopped Redis, each instance is back in shared mode before the next test begins.
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			SharedRedis shared = instance.getBean(SharedRedis.class);
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> shared.call(SharedRedis.Use.DEDUPLICATION, (redis) -> redis.hasKey("lesa:probe"))
					.isPresent());
		}
		livekit.reset();
		this.room = "room-" + rooms.incrementAndGet();
	}

	@Test
	void dispatchWhenManyConcurrentRequestsSpreadOverBothInstancesThenOneCreateAndOneDispatchId() throws Exception {
		// The first call is slow, so the others arrive while it is in flight on one instance or the other.
		livekit.delayCreates(Duration.ofMillis(400));
		int requests = 24;
		CyclicBarrier together = new CyclicBarrier(requests);
		List<Future<Response>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			for (int i = 0; i < requests; i++) {
				HttpTestClient http = http((i % 2 == 0) ? first : second);
				answers.add(pool.submit(() -> {
					together.await();
					return dispatch(http, this.room);
				}));
			}
			List<JsonNode> bodies = new ArrayList<>();
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				bodies.add(response.json());
			}

			assertThat(livekit.creates(this.room)).isEqualTo(1);
			Set<String> ids = bodies.stream().map((body) -> body.path("dispatch_id").asString()).collect(Collectors.toSet());
			assertThat(ids).hasSize(1);
			assertThat(bodies.stream().filter((body) -> !body.path("deduplicated").asBoolean())).hasSize(1);
			String id = ids.iterator().next();
			assertThat(id).startsWith("AD_");

			// Later requests within the window, on either instance, get the same dispatch from Redis.
			assertThat(dispatch(http(second), this.room).json().path("dispatch_id").asString()).isEqualTo(id);
			assertThat(dispatch(http(first), this.room).json().path("dispatch_id").asString()).isEqualTo(id);
			assertThat(livekit.creates(this.room)).isEqualTo(1);
			assertThat(redis.get(key(this.room))).startsWith("done:").contains(id);
			assertThat(Long.parseLong(redis.command("PTTL " + key(this.room)).substring(1))).as("expires with the window")
				.isBetween(1L, 30_000L);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void dispatchWhenClaimLeftByACrashedReplicaThenWaitsForItsExpiryAndDispatches() throws Exception {
		// A replica took the claim and died before writing a result.
		assertThat(redis.command("SET " + key(this.room) + " claim:crashed PX 1500 NX")).isEqualTo("+OK");

		CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> dispatch(http(first), this.room));
		// Every time the dead claim is seen still standing, the request is still waiting and LiveKit was not called.
		AtomicInteger seenStanding = new AtomicInteger();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
			boolean standing = "claim:crashed".equals(redis.get(key(this.room)));
			if (standing) {
				assertThat(waiting).as("waits while the claim stands").isNotDone();
				assertThat(livekit.creates(this.room)).isZero();
				seenStanding.incrementAndGet();
			}
			return !standing;
		});
		assertThat(seenStanding).as("the claim was seen standing while the request waited").hasPositiveValue();

		Response answer = waiting.get();
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().path("deduplicated").asBoolean()).isFalse();
		assertThat(livekit.creates(this.room)).isEqualTo(1);
	}

	@Test
	void dispatchWhenCrashedReplicasClaimHasExpiredThenTheNextRequestDispatchesAtOnce() {
		assertThat(redis.command("SET " + key(this.room) + " claim:crashed PX 200 NX")).isEqualTo("+OK");
		await().atMost(Duration.ofSeconds(5)).until(() -> redis.get(key(this.room)) == null);

		Response answer = dispatch(http(second), this.room);

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().path("deduplicated").asBoolean()).isFalse();
		assertThat(livekit.creates(this.room)).isEqualTo(1);
	}

	@Test
	void dispatchWhenLivekitFailsThenTheClaimIsReleasedAndTheNextRequestOnTheOtherInstanceDispatches() {
		livekit.answerNextWith(FakeLivekit.twirpError(503, "unavailable", "try later"));

		assertProblem(dispatch(http(first), this.room), 503, "livekit-unavailable");
		assertThat(redis.get(key(this.room))).as("no claim left behind").isNull();

		Response retried = dispatch(http(second), this.room);
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(retried.json().path("deduplicated").asBoolean()).isFalse();
		assertThat(livekit.creates(this.room)).isEqualTo(1);
	}

	@Test
	void deleteOnOneInstanceThenTheNextDispatchOnTheOtherIsNew() {
		String id = dispatch(http(first), this.room).json().path("dispatch_id").asString();

		HttpTestClient other = http(second);
		Response deleted = other.send(
				request(other.base() + "/api/v1/agent/dispatch/" + id + "?room=" + this.room, "dispatch-key").DELETE());
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		Response again = dispatch(http(first), this.room);

		assertThat(again.json().path("deduplicated").asBoolean()).isFalse();
		assertThat(again.json().path("dispatch_id").asString()).isNotEqualTo(id);
		assertThat(livekit.creates(this.room)).isEqualTo(2);
	}

	@Test
	void tokenRateLimitIsTheClustersNotEachInstances() {
		for (int i = 0; i < RATE_LIMIT; i++) {
			assertThat(token((i % 2 == 0) ? first : second, "rate-key").status()).isEqualTo(200);
		}

		// Each instance alone has seen only half the budget, yet both refuse.
		assertProblem(token(first, "rate-key"), 429, "rate-limited");
		assertProblem(token(second, "rate-key"), 429, "rate-limited");
		assertThat(token(second, "other-key").status()).as("another caller has its own budget").isEqualTo(200);
	}

	@Test
	void whenRedisStopsThenRequestsSucceedInProcessAndSharedModeResumesWhenItIsBack(CapturedOutput output)
			throws Exception {
		redis.stop();

		Response dispatched = dispatch(http(first), this.room);
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		Response repeated = dispatch(http(first), this.room);
		assertThat(repeated.json().path("deduplicated").asBoolean()).as("still de-duplicated in-process").isTrue();
		for (int i = 0; i < RATE_LIMIT; i++) {
			assertThat(token(first, "outage-key").status()).isEqualTo(200);
		}
		assertProblem(token(first, "outage-key"), 429, "rate-limited");
		assertThat(http(first).get("/api/v1/health").status()).isEqualTo(200);
		assertThat(management(first).get("/actuator/health/readiness").status()).as("readiness stays up")
			.isEqualTo(200);
		assertThat(Logs.flushed(output)).contains("Redis failed");
		assertThat(fallbacks(first, "dedup")).isPositive();
		assertThat(fallbacks(first, "rate_limit")).isPositive();
		assertThat(management(first).get("/actuator/prometheus").body()).contains("lesa_redis_shared{")
			.contains("lesa_redis_fallbacks_total{");

		redis.startAgain();
		String next = "room-" + rooms.incrementAndGet();
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				livekit.reset();
				assertThat(dispatch(http(first), next).status()).isEqualTo(200);
				assertThat(redis.get(key(next))).as("the result is in Redis again").startsWith("done:");
			});
		Response shared = dispatch(http(second), next);
		assertThat(shared.json().path("deduplicated").asBoolean()).as("the other instance sees it").isTrue();
		assertThat(Logs.flushed(output)).contains("Redis answers again");
	}

	@Test
	void whenRedisHangsThenRequestsGoOnAfterTheRedisTimeout() {
		double before = fallbacks(second, "dedup");
		redis.freeze();
		try {
			long started = System.nanoTime();
			Response dispatched = dispatch(http(second), this.room);
			Response token = token(second, "other-key");
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
			assertThat(token.status()).as(token.body()).isEqualTo(200);
			assertThat(fallbacks(second, "dedup")).isGreaterThan(before);
			// REDIS_TIMEOUT is 250ms: a hung Redis costs a request that much, not the HTTP client's 20 s timeout.
			assertThat(took).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			redis.thaw();
		}
	}

	private static ConfigurableApplicationContext instance() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("PORT", "0");
		properties.put("HOST", "127.0.0.1");
		properties.put("MANAGEMENT_PORT", "0");
		properties.put("ENV_FILE", "target/no-such.env");
		properties.put("LIVEKIT_WS_URL", "wss://lk.example.test");
		properties.put("LIVEKIT_URL", livekit.url());
		properties.put("LIVEKIT_API_KEY", ServiceTest.API_KEY);
		properties.put("LIVEKIT_API_SECRET", ServiceTest.API_SECRET);
		properties.put("LIVEKIT_BREAKER_WINDOW", "1000");
		properties.put("LIVEKIT_CALL_TIMEOUT", "2s");
		properties.put("DISPATCH_CACHE_TTL_SECONDS", "30");
		properties.put("AUTH_MODE", "api_key");
		properties.put("AUTH_API_KEY_HASHES", String.join(",", sha256Hex("dispatch-key"), sha256Hex("rate-key"),
				sha256Hex("other-key"), sha256Hex("outage-key")));
		properties.put("RATE_LIMIT_TOKENS_PER_MINUTE", Integer.toString(RATE_LIMIT));
		properties.put("RATE_LIMIT_DISPATCHES_PER_MINUTE", "0");
		properties.put("RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE", "0");
		properties.put("REDIS_URL", redis.url());
		properties.put("REDIS_RETRY_INTERVAL", "300ms");
		return new SpringApplicationBuilder(LesaApiApplication.class).properties(properties).run();
	}

	private static HttpTestClient http(ConfigurableApplicationContext instance) {
		return new HttpTestClient(((WebServerApplicationContext) instance).getWebServer().getPort());
	}

	private static HttpTestClient management(ConfigurableApplicationContext instance) {
		return new HttpTestClient(
				Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.management.port")));
	}

	private static Response dispatch(HttpTestClient http, String room) {
		return http.send(request(http.base() + "/api/v1/agent/dispatch", "dispatch-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"" + room + "\"}")));
	}

	private static Response token(ConfigurableApplicationContext instance, String key) {
		HttpTestClient http = http(instance);
		return http.send(request(http.base() + "/api/v1/auth/token", key).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"r\",\"identity\":\"u\"}")));
	}

	private static HttpRequest.Builder request(String path, String key) {
		return HttpRequest.newBuilder(URI.create(path)).header("X-API-Key", key);
	}

	/** The key the service keeps a room's dispatch of the default agent under (length-prefixed agent name). */
	private static String key(String room) {
		return "lesa:dispatch:8:py-agent:" + room;
	}

	private static double fallbacks(ConfigurableApplicationContext instance, String use) {
		return instance.getBean(MeterRegistry.class).get("lesa.redis.fallbacks").tag("use", use).counter().count();
	}

	private static String sha256Hex(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
