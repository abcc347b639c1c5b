package com.lesa.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;

import com.lesa.api.config.RedisSettings;
import com.lesa.api.redis.SharedRedis;
import com.lesa.api.redis.SharedRedis.Use;

/**
 * Rate-limit buckets kept in Redis by Bucket4j's Lettuce integration (compare-and-swap), so the configured limits
 * are the cluster's, not each replica's. A bucket's key expires once it would be full again, so idle callers cost
 * Redis nothing. Made by {@link RateLimiter} when a Redis is configured. When Redis fails, {@link #tryConsume} answers
 * empty and {@link RateLimiter} uses its own buckets.
 */
class SharedBuckets {

	static final String KEY_PREFIX = "lesa:rate:";

	private final SharedRedis redis;

	private final Duration timeout;

	private volatile LettuceBasedProxyManager<byte[]> buckets;

	SharedBuckets(SharedRedis redis, RedisSettings settings) {
		this.redis = redis;
		this.timeout = settings.timeout();
	}

	/** Takes one token from the shared bucket {@code key}, or answers empty when Redis cannot be used now. */
	Optional<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
		byte[] redisKey = (KEY_PREFIX + key).getBytes(StandardCharsets.UTF_8);
		return this.redis.callBinary(Use.RATE_LIMITS, (connection) -> buckets(connection).builder()
			.build(redisKey, () -> configuration)
			.tryConsumeAndReturnRemaining(1));
	}

	private LettuceBasedProxyManager<byte[]> buckets(StatefulRedisConnection<byte[], byte[]> connection) {
		LettuceBasedProxyManager<byte[]> manager = this.buckets;
		if (manager == null) {
			manager = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
						Duration.ofSeconds(10)))
				.requestTimeout(this.timeout)
				.build();
			this.buckets = manager;
		}
		return manager;
	}

}
