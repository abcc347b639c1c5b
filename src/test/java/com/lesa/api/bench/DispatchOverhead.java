package com.lesa.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lesa.api.config.LivekitSettings;
import com.lesa.api.livekit.AccessTokenClaims;
import com.lesa.api.livekit.AccessTokenMinter;
import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.ServiceProcess;

/**
 * Prints how long a dispatch takes through the service (its own JVM, de-duplication off so every call reaches
 * LiveKit) against the LiveKit fake, beside the same CreateDispatch sent to the fake alone. Both are measured in
 * alternating blocks in one run, so machine noise hits both alike. Run by {@code bench/dispatch-overhead.sh}.
 */
public final class DispatchOverhead {

	private static final String KEY = "APIbench";

	private static final String SECRET = "bench-secret-that-is-long-enough-for-hs256";

	private DispatchOverhead() {
	}

	public static void main(String[] args) throws Exception {
		int warmup = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 4000;
		Path workingDirectory = Files.createTempDirectory("dispatch-bench");
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = ServiceProcess.start(workingDirectory,
						Map.ofEntries(Map.entry("PORT", "0"), Map.entry("HOST", "127.0.0.1"),
								Map.entry("LIVEKIT_WS_URL", "ws://127.0.0.1"), Map.entry("LIVEKIT_URL", livekit.url()),
								Map.entry("LIVEKIT_API_KEY", KEY), Map.entry("LIVEKIT_API_SECRET", SECRET),
								Map.entry("DISPATCH_CACHE_TTL_SECONDS", "0"), Map.entry("MANAGEMENT_PORT", "0"),
								// One client sends thousands of dispatches: the per-caller and per-room limits
								// would refuse them long before the measurement ends.
								Map.entry("RATE_LIMIT_DISPATCHES_PER_MINUTE", "0"),
								Map.entry("RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE", "0")),
						List.of())) {
			int port = service.awaitPort(Duration.ofSeconds(60));
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			LivekitSettings settings = new LivekitSettings(URI.create("ws://127.0.0.1"), URI.create(livekit.url()),
					KEY, SECRET);
			String adminToken = new AccessTokenMinter(settings, Clock.systemUTC())
				.mint(AccessTokenClaims.serverApi("bench", Duration.ofMinutes(30)))
				.jwt();
			HttpRequest direct = HttpRequest.newBuilder(URI.create(livekit.url() + FakeLivekit.PATH + "CreateDispatch"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + adminToken)
				.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"bench\",\"agentName\":\"py-agent\"}"))
				.build();
			HttpRequest through = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agent/dispatch"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"bench\"}"))
				.build();
			List<Long> directNanos = new ArrayList<>();
			List<Long> throughNanos = new ArrayList<>();
			measure(http, direct, warmup, new ArrayList<>());
			measure(http, through, warmup, new ArrayList<>());
			// In slices of 100 alternating between the two, so drift on a shared machine hits both alike.
			for (int done = 0; done < calls; done += 100) {
				int slice = Math.min(100, calls - done);
				measure(http, direct, slice, directNanos);
				measure(http, through, slice, throughNanos);
			}
			print("LiveKit fake alone", directNanos);
			print("through the service", throughNanos);
			double overhead = (percentile(throughNanos, 50) - percentile(directNanos, 50)) / 1e6;
			System.out.printf(Locale.ROOT, "median overhead of the service: %.3f ms (%.2fx the fake alone)%n",
					overhead, percentile(throughNanos, 50) / (double) percentile(directNanos, 50));
			System.out.printf(Locale.ROOT, "dispatches the fake created: %d (expected %d)%n", livekit.creates("bench"),
					2 * (warmup + calls));
		}
	}

	private static void measure(HttpClient http, HttpRequest request, int count, List<Long> nanos) throws Exception {
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			nanos.add(System.nanoTime() - start);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
		}
	}

	private static void print(String what, List<Long> nanos) {
		System.out.printf(Locale.ROOT, "%-22s n=%d  median %.3f ms  p99 %.3f ms%n", what, nanos.size(),
				percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}
