package com.lesa.api.livekit;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.livekit.LivekitException.Failure;

/**
 * The circuit breaker around LiveKit (resilience4j), tuned for low traffic: it judges the last
 * {@code LIVEKIT_BREAKER_WINDOW} calls (once it has seen half that many, at least 2), opens when half of them failed to
 * connect, timed out, lost the connection or got a 5xx, fails fast for {@code LIVEKIT_BREAKER_OPEN_DURATION}, then lets one probe call through.
 * Its state changes are logged and its state is the gauge {@code lesa.livekit.circuit} (0 closed, 1 half-open,
 * 2 open).
 */
final class LivekitCircuitBreaker {

	private static final Logger log = LoggerFactory.getLogger(LivekitCircuitBreaker.class);

	private LivekitCircuitBreaker() {
	}

	static CircuitBreaker create(LivekitApiSettings settings, MeterRegistry meters) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindow(settings.breakerWindow(), Math.max(2, settings.breakerWindow() / 2),
					SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(50)
			.waitDurationInOpenState(settings.breakerOpenDuration())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.slowCallDurationThreshold(Duration.ofDays(1))
			.build();
		CircuitBreaker breaker = CircuitBreaker.of("livekit", config);
		breaker.getEventPublisher()
			.onStateTransition((event) -> log.warn("LiveKit circuit breaker: {} -> {}",
					event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
		Gauge.builder("lesa.livekit.circuit", breaker, LivekitCircuitBreaker::stateValue)
			.description("LiveKit circuit breaker: 0 closed, 1 half-open, 2 open")
			.register(meters);
		return breaker;
	}

	/** Whether a failure says LiveKit is in trouble, rather than that it refused this particular request. */
	static boolean isLivekitFailure(LivekitException ex) {
		return switch (ex.failure()) {
			case UNREACHABLE, TIMEOUT, CONNECTION_LOST -> true;
			case TWIRP_ERROR, BAD_RESPONSE -> ex.httpStatus() >= 500;
			case UNAUTHORIZED, OVERLOADED, CIRCUIT_OPEN -> false;
		};
	}

	private static double stateValue(CircuitBreaker breaker) {
		return switch (breaker.getState()) {
			case CLOSED, DISABLED, METRICS_ONLY -> 0;
			case HALF_OPEN -> 1;
			case OPEN, FORCED_OPEN -> 2;
		};
	}

}
