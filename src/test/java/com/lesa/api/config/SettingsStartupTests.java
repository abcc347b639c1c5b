package com.lesa.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.LivekitTokens;
import com.lesa.api.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the service as a real process, as an operator does, to prove what only a process shows. */
class SettingsStartupTests {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	@TempDir
	Path workingDirectory;

	@Test
	void startWhenDotEnvInWorkingDirectoryThenItIsReadAndTheEnvironmentWins() throws Exception {
		Files.writeString(this.workingDirectory.resolve(".env"), """
				# comments are fine
				ENVIRONMENT=staging
				LIVEKIT_WS_URL=wss://dotenv.example.com
				LIVEKIT_URL=https://dotenv.example.com
				LIVEKIT_API_KEY=APIfromDotEnv
				LIVEKIT_API_SECRET=dotenv-secret-that-is-long-enough-for-hs256
				DEFAULT_TOKEN_TTL_MINUTES=15
				""");
		try (ServiceProcess service = ServiceProcess.start(this.workingDirectory,
				Map.of("PORT", "0", "MANAGEMENT_PORT", "0", "HOST", "127.0.0.1", "ENVIRONMENT", "test"))) {
			HttpTestClient http = new HttpTestClient(service.awaitPort(STARTUP));

			assertThat(http.get("/api/v1/health").json().path("environment").asString()).isEqualTo("test");
			var token = http.postJson("/api/v1/auth/token", "{\"room\":\"r\",\"identity\":\"u\"}").json();
			assertThat(token.path("ws_url").asString()).isEqualTo("wss://dotenv.example.com");
			assertThat(token.path("ttl_minutes").asInt()).isEqualTo(15);
			LivekitTokens.verify(token.path("token").asString(), "APIfromDotEnv",
					"dotenv-secret-that-is-long-enough-for-hs256");
			assertThat(service.output()).doesNotContain("dotenv-secret-that-is-long-enough-for-hs256");
		}
	}

	@Test
	void startWhenSettingsInvalidThenExitsNonZeroWithOneLinePerProblemAndNoStackTrace() throws Exception {
		try (ServiceProcess service = ServiceProcess.start(this.workingDirectory,
				Map.of("MAX_TOKEN_TTL_MINUTES", "30", "DISPATCH_CACHE_TTL_SECONDS", "-5", "PORT", "0"))) {
			assertThat(service.awaitExit(STARTUP)).isNotZero();

			assertThat(service.output()).contains("- MAX_TOKEN_TTL_MINUTES must be >= DEFAULT_TOKEN_TTL_MINUTES")
				.contains("- DISPATCH_CACHE_TTL_SECONDS must be greater than or equal to 0")
				.doesNotContain("\tat ");
		}
	}

	@Test
	void startWhenProductionWithDevSecretsThenRefusesWithoutPrintingThem() throws Exception {
		try (ServiceProcess service = ServiceProcess.start(this.workingDirectory,
				Map.of("ENVIRONMENT", "production", "LIVEKIT_WS_URL", "wss://lk.example.com", "LIVEKIT_URL",
						"https://lk.example.com", "LIVEKIT_API_KEY", "APIreal", "LIVEKIT_API_SECRET", "tooShort7",
						"CORS_ALLOW_ORIGINS", "https://app.example.com", "PORT", "0"))) {
			assertThat(service.awaitExit(STARTUP)).isNotZero();

			// Production logs JSON: the report is one log event whose lines are escaped inside the message.
			assertThat(service.output()).contains("- LIVEKIT_API_SECRET must be at least 32 bytes in production")
				.contains("\"level\":\"ERROR\"")
				.doesNotContain("tooShort7")
				.doesNotContain("\tat ")
				.doesNotContain("\\tat ")
				.doesNotContain("stack_trace");
		}
	}

	@Test
	void startWhenPortIsNotANumberThenSaysSo() throws Exception {
		try (ServiceProcess service = ServiceProcess.start(this.workingDirectory, Map.of("PORT", "eighty"))) {
			assertThat(service.awaitExit(STARTUP)).isNotZero();

			assertThat(service.output()).contains("- PORT must be a whole number").doesNotContain("\tat ");
		}
	}

	@Test
	void startWhenRedisUrlInvalidThenSaysSoWithoutPrintingThePassword() throws Exception {
		// Spring Boot's own Redis URL report would quote the URL, password included; ours is checked first.
		try (ServiceProcess service = ServiceProcess.start(this.workingDirectory,
				Map.of("REDIS_URL", "redis://:hunter2-redis-password@redis example.com:6379", "PORT", "0"))) {
			assertThat(service.awaitExit(STARTUP)).isNotZero();

			assertThat(service.output())
				.contains("- REDIS_URL must be redis://[:password@]host[:port][/db] or rediss://")
				.doesNotContain("hunter2-redis-password")
				.doesNotContain("\tat ");
		}
	}

}
