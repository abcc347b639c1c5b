package com.lesa.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import com.lesa.api.config.LimitsSettings;
import com.lesa.api.config.RedisSettings;
import com.lesa.api.redis.SharedRedis;
import com.lesa.api.web.RateLimitedException;
import com.lesa.api.web.Refusals;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets per caller (tokens, dispatches) and per room (dispatches by everyone), refilled every minute. The
 * buckets live in a bounded cache, so callers rotating addresses or identities cannot grow memory without bound; a
 * bucket evicted for space starts full again, which bounds memory at the cost of some leniency under such a flood.
 * When {@code REDIS_URL} is set the buckets live in Redis ({@link SharedBuckets}) and these are only the fallback
 * while Redis fails.
 */
@Component
public class RateLimiter {

	private final LimitsSettings limits;

	private final Cache<String, Bucket> buckets;

	private final Refusals refusals;

	private final SharedBuckets shared;

	/** The shared buckets' configuration per limit, made once (there are three limits). */
	private final Map<Integer, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	public RateLimiter(LimitsSettings limits, Refusals refusals) {
		this(limits, refusals, (SharedBuckets) null);
	}

	@Autowired
	RateLimiter(LimitsSettings limits, Refusals refusals, ObjectProvider<SharedRedis> redis, RedisSettings settings) {
		this(limits, refusals, shared(redis.getIfAvailable(), settings));
	}

	private static SharedBuckets shared(SharedRedis redis, RedisSettings settings) {
		return (redis != null) ? new SharedBuckets(redis, settings) : null;
	}

	private RateLimiter(LimitsSettings limits, Refusals refusals, SharedBuckets shared) {
		this.limits = limits;
		this.refusals = refusals;
		this.shared = shared;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(limits.maxTrackedCallers())
			.expireAfterAccess(Duration.ofMinutes(2))
			.build();
	}

	/** One token request by {@code caller}. */
	public void tokens(Caller caller) {
		consume("tokens", "tokens:" + caller.id(), this.limits.tokensPerMinute());
	}

	/** One dispatch request by {@code caller} (the dispatch endpoints, or a token with {@code dispatch_agent}). */
	public void dispatches(Caller caller) {
		consume("dispatches", "dispatches:" + caller.id(), this.limits.dispatchesPerMinute());
	}

	/** One dispatch into {@code room} that will reach LiveKit, whoever asks. */
	public void roomDispatches(String room) {
		consume("room_dispatches", "room:" + room, this.limits.roomDispatchesPerMinute());
	}

	long trackedBuckets() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private void consume(String budget, String key, int perMinute) {
		if (perMinute <= 0) {
			return;
		}
		ConsumptionProbe probe = null;
		if (this.shared != null) {
			probe = this.shared.tryConsume(key, this.configurations.computeIfAbsent(perMinute, RateLimiter::configuration))
				.orElse(null);
		}
		if (probe == null) {
			probe = this.buckets.get(key, (k) -> Bucket.builder().addLimit(limit(perMinute)).build())
				.tryConsumeAndReturnRemaining(1);
		}
		if (!probe.isConsumed()) {
			this.refusals.count("rate_limit");
			throw new RateLimitedException(budget,
					(long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1)));
		}
	}

	private static BucketConfiguration configuration(int perMinute) {
		return BucketConfiguration.builder().addLimit(limit(perMinute)).build();
	}

	private static Bandwidth limit(int perMinute) {
		return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
	}

}
