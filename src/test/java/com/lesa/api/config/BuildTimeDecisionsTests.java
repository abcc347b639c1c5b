package com.lesa.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.lesa.api.LesaApiApplication;
import com.lesa.api.support.SettingNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image runs the application ahead-of-time processed: which beans exist is decided when the jar is built, not when
 * it starts. That is only right if no setting decides which beans exist. This test registers the bean definitions
 * (as the AOT processor does, without creating any bean) once with every setting at its default and once per setting
 * with another value, and requires the same beans each time, so that every setting still works in the image. (Values
 * the service refuses at start-up, such as {@code MANAGEMENT_PORT} equal to {@code PORT}, are SettingsTests' part.)
 */
class BuildTimeDecisionsTests {

	/** Values other than the default for every setting application.properties reads. */
	private static final Map<String, List<String>> OTHER_VALUES = Map.ofEntries(Map.entry("ENV_FILE", List.of("/nonexistent-other")),
			Map.entry("HOST", List.of("127.0.0.1")), Map.entry("PORT", List.of("9000")), Map.entry("SHUTDOWN_TIMEOUT", List.of("5s")),
			Map.entry("FORWARD_HEADERS_STRATEGY", List.of("native")), Map.entry("TRUSTED_PROXIES", List.of("10\\.0\\..*")),
			Map.entry("REDIS_URL", List.of("redis://127.0.0.1:6399")), Map.entry("REDIS_TIMEOUT", List.of("1s")),
			Map.entry("REDIS_CONNECT_TIMEOUT", List.of("1s")), Map.entry("REDIS_RETRY_INTERVAL", List.of("5s")),
			Map.entry("MANAGEMENT_PORT", List.of("9000", "0")), Map.entry("API_DOCS_ENABLED", List.of("false")),
			Map.entry("ENVIRONMENT", List.of("production", "staging")), Map.entry("DEBUG", List.of("true")), Map.entry("LOG_FORMAT", List.of("text", "json")),
			Map.entry("LIVEKIT_WS_URL", List.of("wss://livekit.example.com")),
			Map.entry("LIVEKIT_URL", List.of("https://livekit.example.com")), Map.entry("LIVEKIT_API_KEY", List.of("APIother")),
			Map.entry("LIVEKIT_API_SECRET", List.of("another-secret-that-is-long-enough-for-hs256")),
			Map.entry("DEFAULT_TOKEN_TTL_MINUTES", List.of("30")), Map.entry("MAX_TOKEN_TTL_MINUTES", List.of("120")),
			Map.entry("MAX_ROOM_NAME_LENGTH", List.of("50")), Map.entry("MAX_IDENTITY_LENGTH", List.of("50")),
			Map.entry("MAX_METADATA_BYTES", List.of("1024")), Map.entry("MAX_ATTRIBUTES_BYTES", List.of("1024")),
			Map.entry("ALLOWED_ROOM_PATTERN", List.of("support-.*")), Map.entry("TRUSTED_HOSTS", List.of("api.example.com")),
			Map.entry("MAX_REQUEST_BODY_BYTES", List.of("4096")), Map.entry("CORS_ALLOW_ORIGINS", List.of("https://app.example.com")),
			Map.entry("CORS_ALLOW_CREDENTIALS", List.of("false")), Map.entry("CORS_ALLOW_METHODS", List.of("GET,POST")),
			Map.entry("CORS_ALLOW_HEADERS", List.of("Content-Type")), Map.entry("AGENT_NAME", List.of("other-agent")),
			Map.entry("DISPATCH_CACHE_TTL_SECONDS", List.of("0")), Map.entry("ALLOWED_AGENT_NAMES", List.of("py-agent,other-agent")),
			Map.entry("LIVEKIT_CONNECT_TIMEOUT", List.of("1s")), Map.entry("LIVEKIT_READ_TIMEOUT", List.of("1s")),
			Map.entry("LIVEKIT_CALL_TIMEOUT", List.of("2s")), Map.entry("LIVEKIT_MAX_CONCURRENT_CALLS", List.of("4")),
			Map.entry("LIVEKIT_BREAKER_WINDOW", List.of("3")), Map.entry("LIVEKIT_BREAKER_OPEN_DURATION", List.of("1s")),
			Map.entry("LIVEKIT_BULKHEAD_WAIT", List.of("0ms")), Map.entry("AUTH_MODE", List.of("jwt", "api_key")),
			Map.entry("AUTH_API_KEY_HASHES", List.of("0".repeat(64))),
			Map.entry("AUTH_JWT_ISSUER_URI", List.of("https://login.example.com")),
			Map.entry("AUTH_JWT_JWK_SET_URI", List.of("https://login.example.com/certs")),
			Map.entry("AUTH_JWT_AUDIENCE", List.of("lesa")), Map.entry("AUTH_JWT_ALGORITHMS", List.of("ES256")),
			Map.entry("AUTH_IDENTITY_CLAIM", List.of("email")), Map.entry("AUTH_NAME_CLAIM", List.of("nickname")),
			Map.entry("RATE_LIMIT_TOKENS_PER_MINUTE", List.of("0")), Map.entry("RATE_LIMIT_DISPATCHES_PER_MINUTE", List.of("0")),
			Map.entry("RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE", List.of("0")), Map.entry("RATE_LIMIT_MAX_TRACKED", List.of("10")));

	@Test
	void noSettingDecidesWhichBeansExist() {
		Set<String> settings = SettingNames.all();
		assertThat(OTHER_VALUES.keySet()).as("a value for every setting application.properties reads")
			.containsExactlyInAnyOrderElementsOf(settings);
		Map<String, String> defaults = beans(Map.of());
		assertThat(defaults).containsKeys("tokenController", "dispatchController", "sharedRedis", "virtualRequestThreads",
				"apiDocsSwitch");
		List<String> differences = new ArrayList<>();
		for (String setting : settings) {
			for (String value : OTHER_VALUES.get(setting)) {
				Map<String, String> other = beans(Map.of(setting, value));
				if (!other.equals(defaults)) {
					differences.add(setting + "=" + value + ": " + difference(defaults, other));
				}
			}
		}
		// Which JVM runs the build must not matter either: on Java 21+ Spring Boot decides virtual threads by a condition
		// (this part can only fail on 21+; the service switches them on itself, ServerConfiguration).
		Map<String, String> platformThreads = beans(Map.of("spring.threads.virtual.enabled", "false"));
		if (!platformThreads.equals(defaults)) {
			differences.add("virtual threads: " + difference(defaults, platformThreads));
		}
		assertThat(differences).isEmpty();
	}

	/** Bean name to bean class of the application context as AOT processing sees it, with these settings. */
	static Map<String, String> beans(Map<String, String> settings) {
		List<String> args = new ArrayList<>();
		if (!settings.containsKey("ENV_FILE")) {
			args.add("--ENV_FILE=/nonexistent");
		}
		settings.forEach((name, value) -> args.add("--" + name + "=" + value));
		ConfigurableApplicationContext[] loaded = new ConfigurableApplicationContext[1];
		SpringApplicationHook hook = (application) -> new SpringApplicationRunListener() {
			@Override
			public void contextLoaded(ConfigurableApplicationContext context) {
				loaded[0] = context;
				throw new SpringApplication.AbandonedRunException(context);
			}
		};
		try {
			SpringApplication.withHook(hook, () -> SpringApplication.run(LesaApiApplication.class,
					args.toArray(String[]::new)));
		}
		catch (SpringApplication.AbandonedRunException expected) {
			// as the AOT processor does: stop before the refresh
		}
		GenericApplicationContext context = (GenericApplicationContext) loaded[0];
		context.refreshForAotProcessing(new RuntimeHints());
		Map<String, String> beans = new TreeMap<>();
		for (String name : context.getBeanDefinitionNames()) {
			BeanDefinition definition = context.getBeanFactory().getMergedBeanDefinition(name);
			beans.put(name, String.valueOf(definition.getResolvableType()));
		}
		context.close();
		return beans;
	}

	private static String difference(Map<String, String> expected, Map<String, String> actual) {
		Set<String> missing = new TreeSet<>(expected.keySet());
		missing.removeAll(actual.keySet());
		Set<String> added = new TreeSet<>(actual.keySet());
		added.removeAll(expected.keySet());
		Set<String> changed = new TreeSet<>();
		expected.forEach((name, type) -> {
			if (actual.containsKey(name) && !actual.get(name).equals(type)) {
				changed.add(name);
			}
		});
		return "missing " + missing + ", added " + added + ", changed " + changed;
	}

}
