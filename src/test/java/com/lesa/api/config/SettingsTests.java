package com.lesa.api.config;

import com.lesa.api.support.Logs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Binds the settings from a stand-in for the process environment, exactly as Spring Boot reads real environment
 * variables, and checks what start-up says about each bad value. {@code SettingsStartupTests} covers real processes.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsTests {

	private static final String SECRET = "a-production-secret-of-at-least-32-bytes";

	private static final Map<String, String> PRODUCTION = Map.of("ENVIRONMENT", "production", "LIVEKIT_WS_URL",
			"wss://lk.example.com", "LIVEKIT_URL", "https://lk.example.com", "LIVEKIT_API_KEY", "APIprod",
			"LIVEKIT_API_SECRET", SECRET, "CORS_ALLOW_ORIGINS", "https://app.example.com");

	@Test
	void bindWhenNothingSetThenOriginalDefaultsAndLivekitDevServer(CapturedOutput output) {
		int mark = Logs.mark(output);
		LesaSettings settings = bind(Map.of());

		assertThat(settings.service()).isEqualTo(new ServiceSettings(DeploymentEnvironment.DEVELOPMENT, false, LogFormat.TEXT));
		assertThat(settings.livekit()).isEqualTo(new LivekitSettings(URI.create("ws://localhost:7880"),
				URI.create("http://localhost:7880"), "devkey", "secret"));
		assertThat(settings.token()).isEqualTo(new TokenSettings(60, 1440, 100, 100, 4096, 4096, ""));
		assertThat(settings.http()).isEqualTo(new HttpSettings(List.of("*"), 16384,
				new HttpSettings.Cors(List.of("*"), true, List.of("*"), List.of("*"))));
		assertThat(settings.dispatch()).isEqualTo(new DispatchSettings("py-agent", List.of("py-agent"), 3));
		assertThat(settings.livekitApi()).isEqualTo(
				new LivekitApiSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(8), 32, 6,
						Duration.ofSeconds(10), Duration.ofMillis(250)));
		assertThat(settings.auth()).isEqualTo(
				new AuthSettings(AuthMode.NONE, List.of(), null, null, List.of(), List.of("RS256"), "sub", "name"));
		assertThat(settings.limits()).isEqualTo(new LimitsSettings(60, 10, 20, 100000));
		assertThat(settings.redis()).isEqualTo(
				new RedisSettings("", Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(2)));
		assertThat(settings.redis().enabled()).isFalse();
		assertThat(settings.server()).isEqualTo(new ServerSettings(8000, 8081, "none", true));
		assertThat(Logs.since(output, mark).split("livekit-server --dev defaults", -1)).hasSize(2);
	}

	@Test
	void bindWhenEveryVariableSetThenEachIsBound() {
		assertEveryVariableBound(bind(everyVariable()));
	}

	@Test
	void bindWhenEveryVariableInDotEnvThenEachIsBound(@TempDir Path directory) throws IOException {
		Path dotEnv = directory.resolve(".env");
		Files.write(dotEnv, everyVariable().entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList());

		assertEveryVariableBound(bind(Map.of("ENV_FILE", dotEnv.toString())));
	}

	@Test
	void bindWhenVariableInBothThenTheEnvironmentWinsOverDotEnv(@TempDir Path directory) throws IOException {
		Path dotEnv = directory.resolve(".env");
		Files.writeString(dotEnv, "AGENT_NAME=from-dotenv\nMAX_IDENTITY_LENGTH=50\n");

		LesaSettings settings = bind(Map.of("ENV_FILE", dotEnv.toString(), "AGENT_NAME", "from-environment"));

		assertThat(settings.dispatch().agentName()).isEqualTo("from-environment");
		assertThat(settings.token().maxIdentityLength()).isEqualTo(50);
	}

	private static Map<String, String> everyVariable() {
		Map<String, String> env = new HashMap<>(PRODUCTION);
		env.putAll(Map.of("ENVIRONMENT", "Staging", "DEBUG", "True", "AGENT_NAME", "lesa-agent", "TRUSTED_HOSTS",
				"api.example.com,*.example.com", "MAX_TOKEN_TTL_MINUTES", "120", "DEFAULT_TOKEN_TTL_MINUTES", "15",
				"CORS_ALLOW_ORIGINS", "https://app.example.com,https://admin.example.com", "CORS_ALLOW_CREDENTIALS",
				"False", "CORS_ALLOW_METHODS", "GET,POST", "CORS_ALLOW_HEADERS", "Authorization,Content-Type"));
		env.putAll(Map.of("DISPATCH_CACHE_TTL_SECONDS", "0", "MAX_ROOM_NAME_LENGTH", "64", "MAX_IDENTITY_LENGTH",
				"80", "MAX_METADATA_BYTES", "1000", "MAX_ATTRIBUTES_BYTES", "2000", "MAX_REQUEST_BODY_BYTES", "8192"));
		env.putAll(Map.of("ALLOWED_AGENT_NAMES", "helper,lesa-agent", "LIVEKIT_CONNECT_TIMEOUT", "500ms",
				"LIVEKIT_READ_TIMEOUT", "3s", "LIVEKIT_CALL_TIMEOUT", "4s", "LOG_FORMAT", "Text"));
		env.putAll(Map.of("ALLOWED_ROOM_PATTERN", "support-.*", "AUTH_MODE", "jwt", "AUTH_JWT_ISSUER_URI",
				"https://id.example.com/", "AUTH_JWT_AUDIENCE", "lesa-api,lesa-web", "AUTH_JWT_ALGORITHMS", "RS256,ES256",
				"AUTH_IDENTITY_CLAIM", "email", "AUTH_NAME_CLAIM", "nickname", "RATE_LIMIT_TOKENS_PER_MINUTE", "30",
				"RATE_LIMIT_DISPATCHES_PER_MINUTE", "5", "RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE", "7"));
		env.putAll(Map.of("RATE_LIMIT_MAX_TRACKED", "5000", "LIVEKIT_MAX_CONCURRENT_CALLS", "16",
				"LIVEKIT_BREAKER_WINDOW", "10", "LIVEKIT_BREAKER_OPEN_DURATION", "30s", "LIVEKIT_BULKHEAD_WAIT", "100ms"));
		env.putAll(Map.of("REDIS_URL", "rediss://:a-redis-password@redis.example.com:6380/2", "REDIS_TIMEOUT",
				"100ms", "REDIS_CONNECT_TIMEOUT", "1s", "REDIS_RETRY_INTERVAL", "5s"));
		env.putAll(Map.of("PORT", "9000", "MANAGEMENT_PORT", "9001", "FORWARD_HEADERS_STRATEGY", "native",
				"API_DOCS_ENABLED", "false"));
		return env;
	}

	private static void assertEveryVariableBound(LesaSettings settings) {
		assertThat(settings.service()).isEqualTo(new ServiceSettings(DeploymentEnvironment.STAGING, true, LogFormat.TEXT));
		assertThat(settings.livekit()).isEqualTo(new LivekitSettings(URI.create("wss://lk.example.com"),
				URI.create("https://lk.example.com"), "APIprod", SECRET));
		assertThat(settings.token()).isEqualTo(new TokenSettings(15, 120, 64, 80, 1000, 2000, "support-.*"));
		assertThat(settings.http()).isEqualTo(new HttpSettings(List.of("api.example.com", "*.example.com"), 8192,
				new HttpSettings.Cors(List.of("https://app.example.com", "https://admin.example.com"), false,
						List.of("GET", "POST"), List.of("Authorization", "Content-Type"))));
		assertThat(settings.dispatch())
			.isEqualTo(new DispatchSettings("lesa-agent", List.of("helper", "lesa-agent"), 0));
		assertThat(settings.livekitApi()).isEqualTo(
				new LivekitApiSettings(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(4), 16, 10,
						Duration.ofSeconds(30), Duration.ofMillis(100)));
		assertThat(settings.auth()).isEqualTo(new AuthSettings(AuthMode.JWT, List.of(),
				URI.create("https://id.example.com/"), null, List.of("lesa-api", "lesa-web"), List.of("RS256", "ES256"),
				"email", "nickname"));
		assertThat(settings.limits()).isEqualTo(new LimitsSettings(30, 5, 7, 5000));
		assertThat(settings.redis()).isEqualTo(new RedisSettings("rediss://:a-redis-password@redis.example.com:6380/2",
				Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)));
		assertThat(settings.redis().toString()).doesNotContain("a-redis-password");
		assertThat(settings.server()).isEqualTo(new ServerSettings(9000, 9001, "native", false));
	}

	@Test
	void bindWhenProductionWithRealSecretsThenStarts() {
		assertThat(bind(PRODUCTION).livekit().apiKey()).isEqualTo("APIprod");
	}

	@Test
	void bindWhenSomeLivekitSettingsGivenInDevelopmentThenTheOthersAreRequired() {
		assertThat(problems(Map.of("LIVEKIT_API_KEY", "mykey"))).containsExactlyInAnyOrder(
				"LIVEKIT_WS_URL is required", "LIVEKIT_URL is required", "LIVEKIT_API_SECRET is required");
	}

	@Test
	void bindWhenProductionWithoutLivekitSettingsThenEachIsRequired() {
		assertThat(problems(Map.of("ENVIRONMENT", "production", "CORS_ALLOW_ORIGINS", "https://app.example.com")))
			.containsExactlyInAnyOrder(
				"LIVEKIT_WS_URL is required", "LIVEKIT_URL is required", "LIVEKIT_API_KEY is required",
				"LIVEKIT_API_SECRET is required");
	}

	@Test
	void bindWhenProductionWithDevKeyPairThenRefused() {
		Map<String, String> env = new HashMap<>(PRODUCTION);
		env.putAll(Map.of("LIVEKIT_API_KEY", "devkey", "LIVEKIT_API_SECRET", "secret"));

		assertThat(problems(env)).containsExactlyInAnyOrder(
				"LIVEKIT_API_KEY must not be the development key in production",
				"LIVEKIT_API_SECRET must not be the development secret in production");
	}

	@Test
	void bindWhenProductionWithShortSecretThenRefusedWithoutQuotingIt() {
		Map<String, String> env = new HashMap<>(PRODUCTION);
		env.put("LIVEKIT_API_SECRET", "short-but-not-dev-31-bytes-long");

		List<String> problems = problems(env);
		assertThat(problems).containsExactly("LIVEKIT_API_SECRET must be at least 32 bytes in production");
		assertThat(String.join("\n", problems)).doesNotContain("short-but-not-dev");
	}

	@Test
	void bindWhenProductionWithAnyOriginAndCredentialsThenRefusedSayingHowToFixIt() {
		Map<String, String> env = new HashMap<>(PRODUCTION);
		env.remove("CORS_ALLOW_ORIGINS");

		assertThat(problems(env)).singleElement()
			.asString()
			.startsWith("CORS_ALLOW_ORIGINS=* cannot be combined with CORS_ALLOW_CREDENTIALS=true in production")
			.contains("list the origins");
		env.put("CORS_ALLOW_CREDENTIALS", "false");
		assertThat(bind(env).http().cors().allowsAnyOrigin()).isTrue();
	}

	@Test
	void bindWhenAuthModeLacksWhatItNeedsThenEachProblemIsNamed() {
		assertThat(problems(Map.of("AUTH_MODE", "api_key")))
			.containsExactly("AUTH_API_KEY_HASHES is required with AUTH_MODE=api_key");
		assertThat(problems(Map.of("AUTH_MODE", "api_key", "AUTH_API_KEY_HASHES", "not-a-hash")))
			.containsExactly("AUTH_API_KEY_HASHES entry 1 is not a SHA-256 hash (64 hex digits)");
		assertThat(problems(Map.of("AUTH_MODE", "jwt"))).containsExactlyInAnyOrder(
				"AUTH_JWT_ISSUER_URI or AUTH_JWT_JWK_SET_URI is required with AUTH_MODE=jwt",
				"AUTH_JWT_AUDIENCE is required with AUTH_MODE=jwt");
		assertThat(problems(Map.of("AUTH_MODE", "jwt", "AUTH_JWT_JWK_SET_URI", "https://id.example.com/jwks",
				"AUTH_JWT_AUDIENCE", "lesa", "AUTH_JWT_ALGORITHMS", "RS256,HS256")))
			.containsExactly("AUTH_JWT_ALGORITHMS must list only asymmetric algorithms such as RS256 or ES256");
	}

	@Test
	void bindWhenJsonLogsOutsideDevelopmentThenJsonByDefault() {
		assertThat(bind(PRODUCTION).service().logFormat()).isEqualTo(LogFormat.JSON);
	}

	@Test
	void bindWhenShortSecretOutsideProductionThenAccepted() {
		Map<String, String> env = new HashMap<>(PRODUCTION);
		env.putAll(Map.of("ENVIRONMENT", "staging", "LIVEKIT_API_SECRET", "tiny"));

		assertThat(bind(env).livekit().hasShortSecret()).isTrue();
	}

	@Test
	void bindWhenSeveralProblemsThenEachIsReportedAtOnce() {
		assertThat(problems(Map.of("MAX_TOKEN_TTL_MINUTES", "30", "MAX_ROOM_NAME_LENGTH", "0", "AGENT_NAME", " ")))
			.containsExactlyInAnyOrder("MAX_TOKEN_TTL_MINUTES must be >= DEFAULT_TOKEN_TTL_MINUTES",
					"MAX_ROOM_NAME_LENGTH must be greater than or equal to 1", "AGENT_NAME is required");
	}

	private static final String MANAGEMENT_PORT_OF_ITS_OWN = "MANAGEMENT_PORT must be a port of its own, not PORT "
			+ "(0: any free port): the actuator (probes, info, Prometheus) is never served on the public port";

	static Stream<Arguments> invalidValues() {
		return Stream.of(Arguments.of("MAX_TOKEN_TTL_MINUTES", "10", "MAX_TOKEN_TTL_MINUTES must be >= DEFAULT_TOKEN_TTL_MINUTES"),
				Arguments.of("MAX_TOKEN_TTL_MINUTES", "a day", "MAX_TOKEN_TTL_MINUTES must be a whole number"),
				Arguments.of("DEFAULT_TOKEN_TTL_MINUTES", "0",
						"DEFAULT_TOKEN_TTL_MINUTES must be greater than or equal to 1"),
				Arguments.of("ENVIRONMENT", "prod",
						"ENVIRONMENT must be one of development, test, staging, production"),
				Arguments.of("DEBUG", "sometimes", "DEBUG must be true or false"),
				Arguments.of("MAX_ROOM_NAME_LENGTH", "300", "MAX_ROOM_NAME_LENGTH must be less than or equal to 256"),
				Arguments.of("MAX_IDENTITY_LENGTH", "-1", "MAX_IDENTITY_LENGTH must be greater than or equal to 1"),
				Arguments.of("DISPATCH_CACHE_TTL_SECONDS", "-1",
						"DISPATCH_CACHE_TTL_SECONDS must be greater than or equal to 0"),
				Arguments.of("AGENT_NAME", "", "AGENT_NAME is required"),
				Arguments.of("CORS_ALLOW_CREDENTIALS", "maybe", "CORS_ALLOW_CREDENTIALS must be true or false"),
				Arguments.of("CORS_ALLOW_ORIGINS", "", "CORS_ALLOW_ORIGINS must list at least one origin"),
				Arguments.of("CORS_ALLOW_METHODS", "", "CORS_ALLOW_METHODS must list at least one method"),
				Arguments.of("CORS_ALLOW_HEADERS", "", "CORS_ALLOW_HEADERS must list at least one header"),
				Arguments.of("TRUSTED_HOSTS", "", "TRUSTED_HOSTS must list at least one host"),
				Arguments.of("MAX_METADATA_BYTES", "600000", "MAX_METADATA_BYTES must be less than or equal to 524288"),
				Arguments.of("MAX_ATTRIBUTES_BYTES", "70000",
						"MAX_ATTRIBUTES_BYTES must be less than or equal to 65536"),
				Arguments.of("MAX_REQUEST_BODY_BYTES", "8000",
						"MAX_REQUEST_BODY_BYTES must be larger than MAX_METADATA_BYTES + MAX_ATTRIBUTES_BYTES"),
				Arguments.of("LIVEKIT_WS_URL", "https://lk.example.com",
						"LIVEKIT_WS_URL must be an absolute ws/wss URL with a host"),
				Arguments.of("LIVEKIT_URL", "lk.example.com",
						"LIVEKIT_URL must be an absolute http/https/ws/wss URL with a host"),
				Arguments.of("TRUSTED_HOSTS", "*example.com", "TRUSTED_HOSTS entry 1 is not a host name, *.domain or *"),
				Arguments.of("TRUSTED_HOSTS", "api.example.com,a*.b.com",
						"TRUSTED_HOSTS entry 2 is not a host name, *.domain or *"),
				Arguments.of("TRUSTED_HOSTS", "${jndi:ldap://x}",
						"TRUSTED_HOSTS entry 1 is not a host name, *.domain or *"),
				Arguments.of("CORS_ALLOW_ORIGINS", "app.example.com",
						"CORS_ALLOW_ORIGINS entry 1 is not * or an origin such as https://app.example.com or "
								+ "https://*.example.com"),
				Arguments.of("CORS_ALLOW_ORIGINS", "https://app.example.com,https://app.example.com/path",
						"CORS_ALLOW_ORIGINS entry 2 is not * or an origin such as https://app.example.com or "
								+ "https://*.example.com"),
				Arguments.of("LOG_FORMAT", "xml", "LOG_FORMAT must be one of json, text"),
				Arguments.of("ALLOWED_ROOM_PATTERN", "support-(", "ALLOWED_ROOM_PATTERN must be a valid regular expression"),
				Arguments.of("AUTH_MODE", "password", "AUTH_MODE must be one of none, api_key, jwt"),
				Arguments.of("RATE_LIMIT_TOKENS_PER_MINUTE", "-1",
						"RATE_LIMIT_TOKENS_PER_MINUTE must be greater than or equal to 0"),
				Arguments.of("ALLOWED_AGENT_NAMES", "someone-else", "ALLOWED_AGENT_NAMES must include AGENT_NAME"),
				Arguments.of("ALLOWED_AGENT_NAMES", "py-agent, ", "ALLOWED_AGENT_NAMES must not list a blank name"),
				Arguments.of("LIVEKIT_CALL_TIMEOUT", "soon",
						"LIVEKIT_CALL_TIMEOUT must be a duration such as 500ms or 3s"),
				Arguments.of("LIVEKIT_READ_TIMEOUT", "0s", "LIVEKIT_READ_TIMEOUT must be between 10ms and 60s"),
				Arguments.of("LIVEKIT_CONNECT_TIMEOUT", "5m", "LIVEKIT_CONNECT_TIMEOUT must be between 10ms and 60s"),
				Arguments.of("LIVEKIT_URL", "https://lk example.com",
						"LIVEKIT_URL must be an absolute http/https/ws/wss URL with a host"),
				Arguments.of("REDIS_URL", "http://:hunter2@redis.example.com",
						"REDIS_URL must be redis://[:password@]host[:port][/db] or rediss://… for TLS"),
				Arguments.of("REDIS_URL", "redis://:hunter2@redis example.com",
						"REDIS_URL must be redis://[:password@]host[:port][/db] or rediss://… for TLS"),
				Arguments.of("REDIS_URL", "redis://redis.example.com/zero",
						"REDIS_URL must be redis://[:password@]host[:port][/db] or rediss://… for TLS"),
				Arguments.of("REDIS_TIMEOUT", "0ms", "REDIS_TIMEOUT must be between 10ms and 60s"),
				Arguments.of("REDIS_RETRY_INTERVAL", "later",
						"REDIS_RETRY_INTERVAL must be a duration such as 500ms or 3s"),
				Arguments.of("MANAGEMENT_PORT", "", MANAGEMENT_PORT_OF_ITS_OWN),
				Arguments.of("MANAGEMENT_PORT", "-1", MANAGEMENT_PORT_OF_ITS_OWN),
				Arguments.of("MANAGEMENT_PORT", "8000", MANAGEMENT_PORT_OF_ITS_OWN),
				Arguments.of("FORWARD_HEADERS_STRATEGY", "framework", "FORWARD_HEADERS_STRATEGY must be none or native"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("invalidValues")
	void bindWhenValueInvalidThenStartupSaysWhichVariableAndWhy(String variable, String value, String message) {
		Map<String, String> env = new HashMap<>(PRODUCTION);
		env.put("ENVIRONMENT", "development");
		env.put("MAX_REQUEST_BODY_BYTES", "1048576");
		env.put(variable, value);

		assertThat(problems(env)).containsExactly(message);
	}

	static LesaSettings bind(Map<String, String> variables) {
		try (ConfigurableApplicationContext context = application(environment(variables)).run()) {
			return context.getBean(LesaSettings.class);
		}
	}

	static List<String> problems(Map<String, String> variables) {
		ConfigurableEnvironment environment = environment(variables);
		try (ConfigurableApplicationContext context = application(environment).run()) {
			return fail("started with invalid settings: " + context.getBean(LesaSettings.class));
		}
		catch (RuntimeException ex) {
			List<String> problems = new SettingsFailureAnalyzer(environment).problems(ex);
			assertThat(problems).as("problems of %s", ex).isNotEmpty();
			return problems;
		}
	}

	private static SpringApplicationBuilder application(ConfigurableEnvironment environment) {
		return new SpringApplicationBuilder(SettingsConfiguration.class).environment(environment)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false);
	}

	/** A Spring environment whose only outside source is the given stand-in for the process environment. */
	static ConfigurableEnvironment environment(Map<String, String> variables) {
		Map<String, Object> env = new HashMap<>(variables);
		env.putIfAbsent("ENV_FILE", "target/no-such.env");
		return new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources sources) {
				sources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
			}
		};
	}

}
