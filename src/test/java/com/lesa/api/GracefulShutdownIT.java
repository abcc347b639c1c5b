package com.lesa.api;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, started as a process as the image starts it (ahead-of-time processed), under load, then SIGTERM: readiness goes down first, every request already
 * accepted completes, new connections are refused, and the process exits 0.
 */
class GracefulShutdownIT {

	private static final String KEY = "APIshutdown";

	private static final String SECRET = "shutdown-test-secret-long-enough-for-hs256";

	@TempDir
	Path workingDirectory;

	@Test
	void sigtermDuringLoadFinishesRequestsInFlightAndExitsZero() throws Exception {
		Path jar = Path.of(System.getProperty("lesa.jar", "target/lesa-token-api-1.0.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = ServiceProcess.startJar(jar, this.workingDirectory,
						Map.of("PORT", "0", "MANAGEMENT_PORT", "0", "HOST", "127.0.0.1", "LIVEKIT_WS_URL",
								"ws://127.0.0.1", "LIVEKIT_URL", livekit.url(), "LIVEKIT_API_KEY", KEY,
								"LIVEKIT_API_SECRET", SECRET, "SHUTDOWN_TIMEOUT", "20s"),
						List.of("-Dspring.aot.enabled=true"))) {
			String base = "http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60));
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			livekit.delayCreates(Duration.ofSeconds(2));
			List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				inFlight.add(http.sendAsync(HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/agent/dispatch"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"room\":\"shutdown-" + i + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString()));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> countCreates(livekit) == 10);
			String readiness = "http://127.0.0.1:" + service.managementPort() + "/actuator/health/readiness";
			assertThat(status(http, readiness)).isEqualTo(200);

			service.terminate();

			// Readiness goes down first, while the requests in flight are still being served.
			await().atMost(Duration.ofSeconds(5)).until(() -> status(http, readiness) != 200);
			assertThat(inFlight).as("still in flight when readiness went down").anyMatch((r) -> !r.isDone());

			for (CompletableFuture<HttpResponse<String>> request : inFlight) {
				HttpResponse<String> response = request.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.body()).contains("\"dispatch_id\":\"AD_");
			}
			assertThat(service.awaitExit(Duration.ofSeconds(30))).as("exit code after SIGTERM").isZero();
			assertThat(service.output()).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
			assertThatExceptionOfType(ConnectException.class).as("no new connections after shutdown")
				.isThrownBy(() -> http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/health")).build(),
						HttpResponse.BodyHandlers.ofString()));
		}
	}

	/** The status of a GET, or -1 when the connection is refused (a probe counts both as not ready). */
	private static int status(HttpClient http, String url) {
		try {
			return http.send(HttpRequest.newBuilder(java.net.URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (java.io.IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static int countCreates(FakeLivekit livekit) {
		int created = 0;
		for (int i = 0; i < 10; i++) {
			created += livekit.creates("shutdown-" + i);
		}
		return created;
	}

}
