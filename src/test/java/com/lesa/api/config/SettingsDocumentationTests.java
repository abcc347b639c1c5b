package com.lesa.api.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.lesa.api.support.SettingNames;

import static org.assertj.core.api.Assertions.assertThat;

/** Every environment variable the service reads is documented in the README's table and listed in .env.example. */
class SettingsDocumentationTests {

	@Test
	void everySettingIsInTheReadmeTableAndInEnvExample() throws IOException {
		Set<String> settings = SettingNames.all();
		String readme = Files.readString(Path.of("README.md"));
		String example = Files.readString(Path.of(".env.example"));

		assertThat(settings).hasSizeGreaterThan(40);
		for (String setting : settings) {
			assertThat(readme).as("README table row for %s", setting).contains("| `" + setting + "` |");
			if (!setting.equals("ENV_FILE")) {
				assertThat(example).as(".env.example line for %s", setting)
					.containsPattern("(?m)^#? ?" + setting + "=");
			}
		}
	}

}
