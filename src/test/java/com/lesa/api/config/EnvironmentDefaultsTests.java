package com.lesa.api.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentDefaultsTests {

	@Test
	void productionTurnsApiDocumentationOffByDefaultAndGetsNoDevelopmentValues() {
		StandardEnvironment environment = process(Map.of("lesa.service.environment", "production"));

		assertThat(environment.getProperty("API_DOCS_ENABLED")).isEqualTo("false");
		assertThat(environment.getProperty("LIVEKIT_API_KEY")).isNull();
		assertThat(environment.getProperty("LOG_FORMAT")).isNull();
	}

	@Test
	void developmentWithoutLivekitSettingsGetsTheDevServerAndTextLogs() {
		StandardEnvironment environment = process(Map.of("lesa.service.environment", "development"));

		assertThat(environment.getProperty("LIVEKIT_API_KEY")).isEqualTo("devkey");
		assertThat(environment.getProperty("LIVEKIT_WS_URL")).isEqualTo("ws://localhost:7880");
		assertThat(environment.getProperty("LOG_FORMAT")).isEqualTo("text");
		assertThat(environment.getProperty("API_DOCS_ENABLED")).isNull();
	}

	@Test
	void developmentWithAnyLivekitSettingGetsNoLivekitDefaults() {
		StandardEnvironment environment = process(
				Map.of("lesa.service.environment", "development", "lesa.livekit.api-key", "mine"));

		assertThat(environment.getProperty("LIVEKIT_API_SECRET")).isNull();
		assertThat(environment.getProperty("LOG_FORMAT")).isEqualTo("text");
	}

	@Test
	void realSettingsWinOverTheDefaults() {
		StandardEnvironment environment = process(
				Map.of("lesa.service.environment", "production", "API_DOCS_ENABLED", "true"));

		assertThat(environment.getProperty("API_DOCS_ENABLED")).isEqualTo("true");
	}

	private static StandardEnvironment process(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new EnvironmentDefaults(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
