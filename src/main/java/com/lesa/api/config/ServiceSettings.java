package com.lesa.api.config;

import jakarta.validation.constraints.NotNull;

/**
 * What kind of deployment this is.
 *
 * @param environment {@code ENVIRONMENT}: development, test, staging or production
 * @param debug {@code DEBUG}: this service's loggers at DEBUG (responses never show more)
 * @param logFormat {@code LOG_FORMAT}: {@code json} (one object per line) or {@code text}; text by default in
 * development, JSON elsewhere
 */
public record ServiceSettings(@NotNull DeploymentEnvironment environment, boolean debug,
		@NotNull LogFormat logFormat) {
}
