package com.lesa.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import com.lesa.api.support.FakeLivekit;
import com.lesa.api.support.RedisServer;
import com.lesa.api.support.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar started as the image starts it, ahead-of-time processed ({@code -Dspring.aot.enabled=true}):
 * its beans and its logging configuration were read when the jar was built, so this checks that the settings that
 * choose what exists at run time still do: the log format, Redis, the API documentation.
 */
class AheadOfTimeIT {

	private static final String KEY = "APIaot";

	private static final String SECRET = "ahead-of-time-test-secret-long-enough-for-hs256";

	private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Package-private in the service; named, not imported. */
	private static final String LETTUCE_CLIENT = "com.lesa.api.redis.LettuceClient";

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	@TempDir
	Path workingDirectory;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void productionWithRedisJsonLogsAndNoDocumentation() throws Exception {
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = start(livekit, Map.of("ENVIRONMENT", "production", "LOG_FORMAT", "json",
						"REDIS_URL", redis.url(), "CORS_ALLOW_ORIGINS", "https://app.example.com"))) {
			String base = "http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60));

			HttpResponse<String> dispatch = post(base + "/api/v1/agent/dispatch", "{\"room\":\"aot-room\"}");
			assertThat(dispatch.statusCode()).as(dispatch.body()).isEqualTo(200);
			assertThat(redis.get("lesa:dispatch:8:py-agent:aot-room")).as("de-duplicated in Redis").startsWith("done:");
			HttpResponse<String> health = get("http://127.0.0.1:" + service.managementPort() + "/actuator/health");
			assertThat(JSON.readTree(health.body()).path("components").path("redis").path("status").asString())
				.as(health.body())
				.isEqualTo("UP");
			assertThat(get(base + "/v3/api-docs").statusCode()).isEqualTo(404);
			assertThat(post(base + "/api/v1/auth/token", "{\"room\":\"aot-room\",\"identity\":\"u\"}").statusCode())
				.isEqualTo(200);
			// The logs' masking safety net as the packaged jar's logback model builds it: the access log writes the
			// User-Agent, and the credentials in it are masked.
			HttpResponse<String> masked = this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health"))
				.header("User-Agent", "agent Bearer abc.def eyJhbGciOi.eyJzdWIiOiJ4In0.abcdefgh")
				.header("X-Request-ID", "aot-masking")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(masked.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(awaitLine(service, "\"request_id\":\"aot-masking\"")).path("user_agent").asString())
				.isEqualTo("agent **** ****");
			assertThat(service.output()).contains("\"message\":\"Starting AOT-processed LesaApiApplication");
			assertThat(service.output().lines()).as("every line a JSON object").allMatch((line) -> line.startsWith("{"));
		}
	}

	@Test
	void developmentWithoutRedisTextLogsAndDocumentation() throws Exception {
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = start(livekit, Map.of("ENVIRONMENT", "development"))) {
			String base = "http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60));

			HttpResponse<String> dispatch = post(base + "/api/v1/agent/dispatch", "{\"room\":\"aot-local\"}");
			assertThat(dispatch.statusCode()).as(dispatch.body()).isEqualTo(200);
			assertThat(redis.get("lesa:dispatch:8:py-agent:aot-local")).as("nothing in Redis").isNull();
			HttpResponse<String> health = get("http://127.0.0.1:" + service.managementPort() + "/actuator/health");
			assertThat(JSON.readTree(health.body()).path("components").has("redis")).as(health.body()).isFalse();
			HttpResponse<String> docs = get(base + "/v3/api-docs");
			assertThat(docs.statusCode()).isEqualTo(200);
			assertThat(docs.body()).contains("\"openapi\":\"3.1");
			assertThat(JSON.readTree(docs.body()).path("info").path("version").asString()).as("the build's")
				.isEqualTo(System.getProperty("lesa.version"));
			// The Swagger UI's files: its webjar's, and our initializer, which shows our document.
			HttpResponse<String> ui = get(base + "/swagger-ui/index.html");
			assertThat(ui.statusCode()).isEqualTo(200);
			assertThat(ui.body()).contains("swagger-initializer.js");
			assertThat(get(base + "/swagger-ui/swagger-initializer.js").body()).contains("url: \"../v3/api-docs\"");
			assertThat(get(base + "/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
			assertThat(service.output()).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[-] "
					+ "c\\.lesa\\.api\\.LesaApiApplication - Starting AOT-processed LesaApiApplication")
				.doesNotContain("\"message\":");
		}
	}

	@Test
	void loadsNoRedisClientWithoutRedisUrlAndNeverTheLog4jApiNorThePlatformMBeanServer() throws Exception {
		// Every class the image's training start loads is in its AOT cache and loaded at every start: without
		// REDIS_URL (as in training) none of the Redis client's may be (LettuceClient); with it they are, as the
		// control shows. Nor the Log4j API, which the logging facades would probe for (LesaApiApplication), nor the
		// platform MBean server, which Tomcat's session metrics made (application.properties).
		Path without = this.workingDirectory.resolve("without-redis.classes");
		Path with = this.workingDirectory.resolve("with-redis.classes");
		for (Path loaded : List.of(without, with)) {
			Map<String, String> settings = new HashMap<>(Map.of("ENVIRONMENT", "production", "CORS_ALLOW_ORIGINS",
					"https://app.example.com", "RATE_LIMIT_TOKENS_PER_MINUTE", "100"));
			if (loaded == with) {
				settings.put("REDIS_URL", redis.url());
			}
			String classLog = "-Xlog:class+load=info:file=" + loaded + ":none";
			try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
					ServiceProcess service = start(livekit, settings, classLog)) {
				String base = "http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60));
				String room = "{\"room\":\"classes-" + loaded.getFileName() + "\"";
				assertThat(post(base + "/api/v1/auth/token", room + ",\"identity\":\"u\"}").statusCode())
					.isEqualTo(200);
				assertThat(post(base + "/api/v1/agent/dispatch", room + "}").statusCode()).isEqualTo(200);
				assertThat(get("http://127.0.0.1:" + service.managementPort() + "/actuator/health").statusCode())
					.isEqualTo(200);
			}
		}
		assertThat(loadedClasses(without)).hasSizeGreaterThan(5000)
			.noneMatch(AheadOfTimeIT::redisClientClass)
			.noneMatch((name) -> name.startsWith("org.apache.logging.log4j."))
			.doesNotContain("com.sun.jmx.mbeanserver.JmxMBeanServer");
		assertThat(loadedClasses(with)).contains(LETTUCE_CLIENT)
			.anyMatch((name) -> name.startsWith("io.lettuce.core."))
			.anyMatch((name) -> name.startsWith("org.springframework.data.redis."))
			.anyMatch((name) -> name.startsWith("io.netty."))
			.anyMatch((name) -> name.startsWith("io.github.bucket4j.redis."));
	}

	private static boolean redisClientClass(String name) {
		// Spring Boot's Netty auto-configuration is a bean (Netty is on the class path when the jar is built); reading
		// its annotations loads the one class its condition names.
		return name.startsWith("io.lettuce.") || name.startsWith("org.springframework.data.redis.")
				|| (name.startsWith("io.netty.") && !name.equals("io.netty.util.NettyRuntime"))
				|| name.startsWith("io.github.bucket4j.redis.") || name.equals(LETTUCE_CLIENT);
	}

	/** The class names in a {@code -Xlog:class+load} file without decorations ("name source: ..."). */
	private static List<String> loadedClasses(Path log) throws java.io.IOException {
		return Files.readAllLines(log).stream().map((line) -> line.split(" ", 2)[0]).toList();
	}

	@Test
	void theJarCarriesNoDocumentationGeneratorNorJackson2Databind() throws Exception {
		// Springdoc generates the document at test time (ApiDocumentIsCurrentTests); the jar serves a file. Neither it
		// nor swagger-core, its annotations or its Jackson 2 YAML module are loaded, or even there to be loaded.
		List<String> libraries;
		try (JarFile jar = new JarFile(jar().toFile())) {
			libraries = jar.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
		}
		assertThat(libraries).anyMatch((name) -> name.startsWith("swagger-ui-"))
			.noneMatch((name) -> name.startsWith("springdoc-") || name.startsWith("swagger-core")
					|| name.startsWith("swagger-models") || name.startsWith("swagger-annotations")
					|| name.startsWith("jackson-dataformat-yaml"));
		// JJWT signs bytes and needs no JSON module; without jjwt-jackson no Jackson 2 databind is there to load.
		assertThat(libraries).anyMatch((name) -> name.startsWith("jjwt-impl-"))
			.noneMatch((name) -> name.startsWith("jjwt-jackson") || name.startsWith("jackson-databind-2."));
	}

	@Test
	void trainingRunAnswersItsOwnRequestsAndExitsZero() throws Exception {
		// docker/train.sh records the AOT cache from this run: it must end by itself, having served every request.
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = start(livekit, Map.of("ENVIRONMENT", "production", "CORS_ALLOW_ORIGINS",
						"https://training.invalid"), "-Dlesa.aot-training=true")) {
			assertThat(service.awaitExit(Duration.ofSeconds(60))).as(service.output()).isZero();
			assertThat(service.output()).contains("Training run: 163 requests answered; exiting")
				.contains("Graceful shutdown complete");
			assertThat(livekit.creates("training")).as("the dispatch reached LiveKit").isEqualTo(1);
		}
	}

	@Test
	void onJava21OrLaterRequestsRunOnVirtualThreads() throws Exception {
		// CI's own JVM may be Java 17; the image runs 25. Skipped (and reported so) where no Java 21+ is installed.
		Optional<String> java = newerJava();
		assumeTrue(java.isPresent(), "no Java 21 or later under /usr/lib/jvm");
		try (FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);
				ServiceProcess service = ServiceProcess.startJar(java.get(), jar(), this.workingDirectory,
						environment(livekit, Map.of("ENVIRONMENT", "production", "LOG_FORMAT", "json",
								"CORS_ALLOW_ORIGINS", "https://app.example.com")),
						AOT)) {
			String base = "http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60));
			assertThat(post(base + "/api/v1/auth/token", "{\"room\":\"vt\",\"identity\":\"u\"}").statusCode())
				.isEqualTo(200);
			// The access log line names the thread that served the request: Tomcat's virtual thread executor's.
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(service.output())
					.containsPattern("\"message\":\"POST /api/v1/auth/token 200 [^\"]*\"[^\n]*\"thread\":\"tomcat-handler-"));
		}
	}

	/** A Java 21+ {@code java} under /usr/lib/jvm, the newest. */
	private static Optional<String> newerJava() throws Exception {
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.map((home) -> home.resolve("release"))
				.filter(Files::isRegularFile)
				.filter((release) -> javaVersion(release) >= 21)
				.max(Comparator.comparingInt(AheadOfTimeIT::javaVersion))
				.map((release) -> release.resolveSibling("bin/java"))
				.filter(Files::isExecutable)
				.map(Path::toString);
		}
	}

	private static int javaVersion(Path release) {
		try {
			Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
			return version.find() ? Integer.parseInt(version.group(1)) : 0;
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("lesa.jar", "target/lesa-token-api-1.0.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		return jar;
	}

	private static Map<String, String> environment(FakeLivekit livekit, Map<String, String> settings) {
		Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "MANAGEMENT_PORT", "0", "HOST",
				"127.0.0.1", "LIVEKIT_WS_URL", "ws://127.0.0.1", "LIVEKIT_URL", livekit.url(), "LIVEKIT_API_KEY", KEY,
				"LIVEKIT_API_SECRET", SECRET));
		environment.putAll(settings);
		return environment;
	}

	private ServiceProcess start(FakeLivekit livekit, Map<String, String> settings, String... jvmOptions)
			throws Exception {
		List<String> options = new java.util.ArrayList<>(AOT);
		options.addAll(List.of(jvmOptions));
		return ServiceProcess.startJar(jar(), this.workingDirectory, environment(livekit, settings), options);
	}

	/** The first line of the service's output holding {@code text}, waiting for the log writer thread. */
	private static String awaitLine(ServiceProcess service, String text) {
		return await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> service.output().lines().filter((line) -> line.contains(text)).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
