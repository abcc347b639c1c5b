package com.lesa.api.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.ServiceProcess;

/**
 * Token traffic at a steady rate while the LiveKit fake is in turn healthy, hung, refusing connections and answering
 * 503, with dispatch traffic alongside (a burst of 200 concurrent dispatches at the start of each phase, then a
 * trickle). Prints token p50/p99 and errors per phase, dispatch outcomes per phase, duplicate dispatches at the fake,
 * and the service's resident set at start and end. With {@code soak SECONDS RATE} it instead sends tokens at RATE
 * per second for SECONDS and prints the resident set every minute. Loopback only; bounded in time. Run by
 * {@code bench/load-and-fault.sh}.
 */
public final class LoadAndFault {

	private static final String KEY = "APIload";

	private static final String SECRET = "load-test-secret-that-is-long-enough-hs256";

	private static final AtomicInteger rooms = new AtomicInteger();

	private LoadAndFault() {
	}

	public static void main(String[] args) throws Exception {
		run(args);
		// The HTTP client's and the fake's threads would keep the JVM alive.
		System.exit(0);
	}

	private static void run(String[] args) throws Exception {
		boolean soak = args.length > 0 && args[0].equals("soak");
		int phaseSeconds = (!soak && args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int tokenRate = (!soak && args.length > 1) ? Integer.parseInt(args[1]) : 200;
		Path workingDirectory = Files.createTempDirectory("load-and-fault");
		List<String> jvmOptions = imageJvmOptions();
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = ServiceProcess.start(workingDirectory,
						Map.ofEntries(Map.entry("PORT", "0"), Map.entry("MANAGEMENT_PORT", "0"),
								Map.entry("HOST", "127.0.0.1"), Map.entry("LOG_FORMAT", "json"),
								Map.entry("LIVEKIT_WS_URL", "ws://127.0.0.1"), Map.entry("LIVEKIT_URL", livekit.url()),
								Map.entry("LIVEKIT_API_KEY", KEY), Map.entry("LIVEKIT_API_SECRET", SECRET),
								Map.entry("RATE_LIMIT_TOKENS_PER_MINUTE", "0"),
								Map.entry("RATE_LIMIT_DISPATCHES_PER_MINUTE", "0"),
								Map.entry("RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE", "0")),
						jvmOptions)) {
			String base = "http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60));
			long pid = service.pid();
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newFixedThreadPool(64))
				.build();
			System.out.printf(Locale.ROOT, "JVM options: %s%n", String.join(" ", jvmOptions));
			warmUp(http, base);
			System.out.printf(Locale.ROOT, "resident set at start: %d MB%n", residentMegabytes(pid));
			if (soak) {
				soak(http, base, pid, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
				return;
			}
			System.out.printf(Locale.ROOT, "%-9s %8s %9s %9s %7s   %s%n", "phase", "tokens", "p50 ms", "p99 ms",
					"errors", "dispatch outcomes (status: count)");
			phase("healthy", http, base, phaseSeconds, tokenRate, livekit::reset);
			phase("hung", http, base, phaseSeconds, tokenRate, livekit::hang);
			phase("refused", http, base, phaseSeconds, tokenRate, () -> {
				livekit.reset();
				livekit.refuseConnections();
			});
			phase("503", http, base, phaseSeconds, tokenRate, () -> {
				livekit.listen();
				livekit.answerAllWith(FakeLivekit.twirpError(503, "unavailable", "no response from servers"));
			});
			phase("healthy", http, base, phaseSeconds, tokenRate, livekit::reset);
			int duplicates = 0;
			for (int i = 1; i <= rooms.get(); i++) {
				duplicates += Math.max(0, livekit.creates("load-" + i) - 1);
			}
			System.out.printf(Locale.ROOT, "duplicate dispatches at the fake: %d (over %d rooms)%n", duplicates,
					rooms.get());
			System.out.printf(Locale.ROOT, "resident set at end: %d MB%n", residentMegabytes(pid));
		}
	}

	/**
	 * The JVM options the image starts with, read from {@code docker/train.sh} (its {@code options=} lines), in a 512
	 * MiB budget as the Kubernetes Deployment gives it; the class-data sharing archive needs the image's extracted
	 * layout, so it is not used here.
	 */
	static List<String> imageJvmOptions() throws IOException {
		List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=512m"));
		for (String line : Files.readAllLines(Path.of("docker/train.sh"))) {
			if (line.startsWith("options=")) {
				for (String word : line.substring("options=".length()).replace("\"", "").split(" ")) {
					// The JVM's options only: this run is from the class path, which is not ahead-of-time processed.
					if (word.startsWith("-XX:")) {
						options.add(word);
					}
				}
			}
		}
		if (options.size() < 3) {
			throw new IllegalStateException("docker/train.sh names no JVM options any more");
		}
		return options;
	}

	private static void phase(String name, HttpClient http, String base, int seconds, int tokenRate, Runnable fault)
			throws Exception {
		fault.run();
		Map<Integer, AtomicInteger> dispatches = new TreeMap<>();
		List<CompletableFuture<Void>> dispatchCalls = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			dispatchCalls.add(dispatch(http, base, dispatches));
		}
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		trickle.scheduleAtFixedRate(() -> dispatchCalls.add(dispatch(http, base, dispatches)), 200, 200,
				TimeUnit.MILLISECONDS);
		Latencies tokens = tokens(http, base, seconds, tokenRate);
		trickle.shutdownNow();
		trickle.awaitTermination(5, TimeUnit.SECONDS);
		CompletableFuture.allOf(new ArrayList<>(dispatchCalls).toArray(CompletableFuture[]::new))
			.get(60, TimeUnit.SECONDS);
		System.out.printf(Locale.ROOT, "%-9s %8d %9.2f %9.2f %7d   %s%n", name, tokens.count(), tokens.percentile(50),
				tokens.percentile(99), tokens.errors(), dispatches);
	}

	private static CompletableFuture<Void> dispatch(HttpClient http, String base, Map<Integer, AtomicInteger> outcomes) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/agent/dispatch"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"load-" + rooms.incrementAndGet() + "\"}"))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> {
				int status = (response != null) ? response.statusCode() : -1;
				synchronized (outcomes) {
					outcomes.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
				}
				return null;
			});
	}

	/** Open-loop token requests at {@code rate} per second: latency counts from when each request was due. */
	private static Latencies tokens(HttpClient http, String base, int seconds, int rate) throws Exception {
		Latencies latencies = new Latencies();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		AtomicInteger sent = new AtomicInteger();
		int total = seconds * rate;
		ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
		scheduler.scheduleAtFixedRate(() -> {
			if (sent.incrementAndGet() > total) {
				return;
			}
			long due = System.nanoTime();
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"room\":\"load-room\",\"identity\":\"user-" + sent.get() % 1000 + "\",\"name\":\"Load\"}"))
				.build();
			pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> latencies.record(System.nanoTime() - due,
						response != null && response.statusCode() == 200)));
		}, 0, period, TimeUnit.NANOSECONDS);
		while (sent.get() < total) {
			TimeUnit.MILLISECONDS.sleep(50);
		}
		scheduler.shutdownNow();
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null)
			.get(60, TimeUnit.SECONDS);
		return latencies;
	}

	private static void warmUp(HttpClient http, String base) throws Exception {
		List<CompletableFuture<Void>> dispatches = new ArrayList<>();
		Map<Integer, AtomicInteger> ignored = new TreeMap<>();
		for (int i = 0; i < 200; i++) {
			dispatches.add(dispatch(http, base, ignored));
		}
		tokens(http, base, 10, 300);
		CompletableFuture.allOf(dispatches.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
	}

	private static void soak(HttpClient http, String base, long pid, int seconds, int rate) throws Exception {
		// A minute at the soak rate first, so the heap has grown to what this load needs: the soak measures what
		// grows after that, which is what a leak would show.
		Latencies warmUp = tokens(http, base, 60, rate);
		System.out.printf(Locale.ROOT, "warm-up minute: %d tokens, p99 %.2f ms, errors %d, resident set %d MB%n",
				warmUp.count(), warmUp.percentile(99), warmUp.errors(), residentMegabytes(pid));
		long start = residentMegabytes(pid);
		for (int elapsed = 0; elapsed < seconds; elapsed += 60) {
			Latencies minute = tokens(http, base, Math.min(60, seconds - elapsed), rate);
			System.out.printf(Locale.ROOT, "minute %2d: %d tokens, p99 %.2f ms, errors %d, resident set %d MB%n",
					elapsed / 60 + 1, minute.count(), minute.percentile(99), minute.errors(), residentMegabytes(pid));
		}
		long end = residentMegabytes(pid);
		System.out.printf(Locale.ROOT, "resident set: %d MB -> %d MB (%+.1f%%)%n", start, end,
				100.0 * (end - start) / start);
	}

	private static long residentMegabytes(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		return -1;
	}

	/** Latencies of one phase, in nanoseconds, and how many were not a 200. */
	private static final class Latencies {

		private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

		private final AtomicInteger errors = new AtomicInteger();

		void record(long latency, boolean ok) {
			this.nanos.add(latency);
			if (!ok) {
				this.errors.incrementAndGet();
			}
		}

		int count() {
			return this.nanos.size();
		}

		int errors() {
			return this.errors.get();
		}

		double percentile(int percentile) {
			List<Long> sorted = new ArrayList<>(this.nanos);
			if (sorted.isEmpty()) {
				return Double.NaN;
			}
			Collections.sort(sorted);
			int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, index)) / 1e6;
		}

	}

}
