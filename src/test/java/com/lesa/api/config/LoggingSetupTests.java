package com.lesa.api.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSetupTests {

	@Test
	void whenDebugThenOurLoggersAtDebugAndSpringBootDebugModeOff() {
		StandardEnvironment environment = environment(Map.of("lesa.service.debug", "True"));

		new LoggingSetup().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("logging.level.com.lesa")).isEqualTo("DEBUG");
		assertThat(environment.getProperty("debug")).isEqualTo("false");
	}

	@Test
	void whenNotDebugThenLevelsUntouched() {
		StandardEnvironment environment = environment(Map.of("lesa.service.debug", "false"));

		new LoggingSetup().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("logging.level.com.lesa")).isNull();
	}

	@Test
	void appenderIsTextOnlyWhenAskedForAndJsonOtherwiseEvenForBadValues() {
		assertThat(appender("text")).isEqualTo("text");
		assertThat(appender(" TEXT ")).isEqualTo("text");
		assertThat(appender("json")).isEqualTo("json");
		assertThat(appender("xml")).isEqualTo("json");
	}

	private static String appender(String format) {
		StandardEnvironment environment = environment(Map.of("lesa.service.log-format", format));
		new LoggingSetup().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty(LoggingSetup.APPENDER_PROPERTY);
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
