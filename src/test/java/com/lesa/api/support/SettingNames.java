package com.lesa.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables the service reads: every {@code ${NAME...}} placeholder in application.properties. */
public final class SettingNames {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private SettingNames() {
	}

	/** Every setting's name, sorted. */
	public static Set<String> all() {
		try {
			Set<String> names = new TreeSet<>();
			Matcher matcher = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
