package com.lesa.api.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

/**
 * Limits on every call this service makes to LiveKit's server API, so a slow or silent LiveKit never holds a request
 * thread for long. Values are durations such as {@code 500ms} or {@code 3s}.
 *
 * @param connectTimeout {@code LIVEKIT_CONNECT_TIMEOUT}: to open a connection
 * @param readTimeout {@code LIVEKIT_READ_TIMEOUT}: between bytes of the answer
 * @param callTimeout {@code LIVEKIT_CALL_TIMEOUT}: the whole call, retries of refused connections included
 */
public record LivekitApiSettings(@NotNull Duration connectTimeout, @NotNull Duration readTimeout,
		@NotNull Duration callTimeout) {
}
