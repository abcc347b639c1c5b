package com.lesa.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the service, bound once from the environment names in {@code application.properties} and
 * validated as a whole ({@link SettingsValidator}), so one start-up reports every problem at once.
 */
@ConfigurationProperties("lesa")
@ConsistentSettings
public record LesaSettings(@NotNull @Valid ServiceSettings service, @NotNull @Valid LivekitSettings livekit,
		@NotNull @Valid TokenSettings token, @NotNull @Valid HttpSettings http,
		@NotNull @Valid DispatchSettings dispatch, @NotNull @Valid LivekitApiSettings livekitApi,
		@NotNull @Valid AuthSettings auth, @NotNull @Valid LimitsSettings limits,
		@NotNull @Valid RedisSettings redis, @NotNull @Valid ServerSettings server) {
}
