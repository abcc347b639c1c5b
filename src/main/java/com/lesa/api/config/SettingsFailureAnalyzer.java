package com.lesa.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a settings failure into one line per problem that names the environment variable, instead of Spring Boot's
 * report (which quotes values, secrets included) and a stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureAnalyzer implements FailureAnalyzer {

	private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)(?::.*)?}$", Pattern.DOTALL);

	private final Environment environment;

	SettingsFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		List<String> problems = problems(failure);
		if (problems.isEmpty()) {
			return null;
		}
		String description = problems.stream()
			.map((problem) -> "  - " + problem)
			.collect(Collectors.joining(System.lineSeparator(), "Invalid settings:" + System.lineSeparator(), ""));
		return new FailureAnalysis(description,
				"Fix the environment variables (or .env entries) named above; README.md lists every setting.", failure);
	}

	List<String> problems(Throwable failure) {
		BindValidationException invalid = findCause(failure, BindValidationException.class);
		if (invalid != null) {
			return invalid.getValidationErrors().getAllErrors().stream().map(this::describe).toList();
		}
		BindException unbindable = findCause(failure, BindException.class);
		if (unbindable != null && unbindable.getProperty() != null) {
			String name = variableOf(unbindable.getProperty().getName().toString());
			return List.of(name + " " + conversionProblem(unbindable));
		}
		InvalidConfigurationPropertyValueException unreadable = findCause(failure,
				InvalidConfigurationPropertyValueException.class);
		if (unreadable != null) {
			String reason = String.valueOf(unreadable.getReason());
			return List.of(variableOf(unreadable.getName()) + " "
					+ (reason.endsWith(Integer.class.getName()) ? "must be a whole number" : "has an invalid value"));
		}
		return List.of();
	}

	private String describe(ObjectError error) {
		if (error instanceof FieldError field) {
			String property = error.getObjectName() + "." + field.getField();
			return variableOf(property) + " " + error.getDefaultMessage();
		}
		return error.getDefaultMessage();
	}

	/** The environment variable behind a property: the {@code ${NAME:default}} it is written as. */
	String variableOf(String property) {
		String canonical = canonical(property);
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (source.getProperty(canonical) instanceof String raw) {
					Matcher matcher = PLACEHOLDER.matcher(raw.trim());
					if (matcher.matches()) {
						return matcher.group(1);
					}
				}
			}
		}
		return canonical;
	}

	private static String canonical(String property) {
		return Arrays.stream(property.replaceAll("\\[\\d+]", "").split("\\."))
			.map((part) -> part.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
			.collect(Collectors.joining("."));
	}

	private static String conversionProblem(BindException failure) {
		ConversionFailedException conversion = findCause(failure, ConversionFailedException.class);
		Class<?> type = (conversion != null) ? conversion.getTargetType().getObjectType() : null;
		if (type == null) {
			return "has a value that cannot be used";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.map((value) -> value.toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		if (Number.class.isAssignableFrom(type)) {
			return "must be a whole number";
		}
		if (type == Boolean.class) {
			return "must be true or false";
		}
		if (type == URI.class) {
			return "must be a URL";
		}
		if (type == Duration.class) {
			return "must be a duration such as 500ms or 3s";
		}
		return "has a value that cannot be read as " + type.getSimpleName();
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
