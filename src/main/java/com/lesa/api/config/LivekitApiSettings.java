package com.lesa.api.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Limits on every call this service makes to LiveKit's server API, so a slow or silent LiveKit never holds a request
 * thread for long. Values are durations such as {@code 500ms} or {@code 3s}.
 *
 * @param connectTimeout {@code LIVEKIT_CONNECT_TIMEOUT}: to open a connection
 * @param readTimeout {@code LIVEKIT_READ_TIMEOUT}: between bytes of the answer
 * @param callTimeout {@code LIVEKIT_CALL_TIMEOUT}: the whole call, retries of refused connections included
 * @param maxConcurrentCalls {@code LIVEKIT_MAX_CONCURRENT_CALLS}: requests that may wait on LiveKit at once (calls
 * and requests waiting for a de-duplicated call); more get a fast 503
 * @param breakerWindow {@code LIVEKIT_BREAKER_WINDOW}: the last calls the circuit breaker judges; it opens when half
 * of them failed to connect, timed out or got a 5xx
 * @param breakerOpenDuration {@code LIVEKIT_BREAKER_OPEN_DURATION}: how long an open breaker fails fast before it
 * lets one probe call through
 * @param bulkheadWait {@code LIVEKIT_BULKHEAD_WAIT}: how long a request may wait for a place among
 * {@code LIVEKIT_MAX_CONCURRENT_CALLS} before it gets a 503
 */
public record LivekitApiSettings(@NotNull Duration connectTimeout, @NotNull Duration readTimeout,
		@NotNull Duration callTimeout, @Min(1) @Max(10_000) int maxConcurrentCalls, @Min(2) @Max(1000) int breakerWindow,
		@NotNull Duration breakerOpenDuration, @NotNull Duration bulkheadWait) {
}
