package com.lesa.api.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Rate limits, as token buckets refilled every minute; 0 turns a limit off.
 *
 * @param tokensPerMinute {@code RATE_LIMIT_TOKENS_PER_MINUTE}: token requests per caller
 * @param dispatchesPerMinute {@code RATE_LIMIT_DISPATCHES_PER_MINUTE}: dispatch-endpoint requests (and
 * {@code dispatch_agent} tokens) per caller
 * @param roomDispatchesPerMinute {@code RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE}: dispatches into one room, all
 * callers together
 * @param maxTrackedCallers {@code RATE_LIMIT_MAX_TRACKED}: how many callers' and rooms' buckets are kept at most
 */
public record LimitsSettings(@Min(0) @Max(1_000_000) int tokensPerMinute, @Min(0) @Max(1_000_000) int dispatchesPerMinute,
		@Min(0) @Max(1_000_000) int roomDispatchesPerMinute, @Min(100) @Max(10_000_000) int maxTrackedCallers) {
}
