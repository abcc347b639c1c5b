package com.lesa.api.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every environment variable the service reads is documented in the README's table and listed in .env.example. */
class SettingsDocumentationTests {

	@Test
	void everySettingIsInTheReadmeTableAndInEnvExample() throws IOException {
		Set<String> settings = new TreeSet<>();
		Matcher placeholders = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)")
			.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
		while (placeholders.find()) {
			settings.add(placeholders.group(1));
		}
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
