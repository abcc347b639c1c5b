package com.lesa.api.config;

import jakarta.validation.constraints.NotNull;

/**
 * What kind of deployment this is.
 *
 * @param environment {@code ENVIRONMENT}: development, test, staging or production
 * @param debug {@code DEBUG}: Spring Boot's debug mode (condition report in the log)
 */
public record ServiceSettings(@NotNull DeploymentEnvironment environment, boolean debug) {
}
