package com.lesa.api.security;

import com.lesa.api.config.LimitsSettings;
import com.lesa.api.web.RateLimitedException;
import com.lesa.api.web.Refusals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RateLimiterTests {

	@Test
	void bucketCacheStaysBoundedUnderManyDistinctCallers() {
		RateLimiter limiter = limiter(new LimitsSettings(5, 5, 5, 100));

		for (int i = 0; i < 20_000; i++) {
			limiter.tokens(new Caller("ip:10.0." + (i / 256) + "." + (i % 256), null, null));
		}

		assertThat(limiter.trackedBuckets()).isLessThanOrEqualTo(100);
	}

	@Test
	void zeroTurnsALimitOff() {
		RateLimiter limiter = limiter(new LimitsSettings(0, 1, 0, 100));
		Caller caller = new Caller("ip:127.0.0.1", null, null);

		for (int i = 0; i < 1000; i++) {
			limiter.tokens(caller);
			limiter.roomDispatches("r");
		}
		limiter.dispatches(caller);
		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limiter.dispatches(caller))
			.satisfies((ex) -> assertThat(ex.budget()).isEqualTo("dispatches"));
	}

	private static RateLimiter limiter(LimitsSettings settings) {
		return new RateLimiter(settings, new Refusals(new SimpleMeterRegistry()));
	}

}
