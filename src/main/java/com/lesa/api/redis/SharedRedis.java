package com.lesa.api.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lesa.api.config.RedisSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis that replicas share, used so that Redis being down or slow never fails a request. Every use goes through
 * {@link #call}: when Redis fails (refused, timed out, disconnected), the caller gets an empty answer and goes on
 * with its in-process state, one warning is logged, and for {@code REDIS_RETRY_INTERVAL} every caller goes straight to
 * its fallback; then one request tries Redis again, and when it answers shared mode resumes (logged too). Fallbacks
 * are counted in {@code lesa_redis_fallbacks_total{use}}; {@code lesa_redis_shared} is 1 while Redis is in use.
 * <p>
 * Lettuce and Spring Data Redis types appear here only as type arguments, which the JVM does not load: the client is
 * {@link LettuceClient}'s, so that without a Redis none of its classes is loaded.
 */
public class SharedRedis implements DisposableBean {

	/** What Redis is used for, as the {@code use} tag of the fallback counter. */
	public enum Use {

		DEDUPLICATION("dedup"), RATE_LIMITS("rate_limit");

		private final String tag;

		Use(String tag) {
			this.tag = tag;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

	private final LettuceClient client;

	private final long retryNanos;

	private final Counter[] fallbacks = new Counter[Use.values().length];

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile boolean down;

	private volatile long retryAt;

	SharedRedis(LettuceClient client, RedisSettings settings, MeterRegistry meters) {
		this.client = client;
		this.retryNanos = settings.retryInterval().toNanos();
		for (Use use : Use.values()) {
			this.fallbacks[use.ordinal()] = Counter.builder("lesa.redis.fallbacks")
				.description("Requests that used this replica's own state because Redis failed or was skipped")
				.tag("use", use.tag)
				.register(meters);
		}
		Gauge.builder("lesa.redis.shared", this, (redis) -> redis.down ? 0 : 1)
			.description("1 while Redis is used for shared state, 0 while this replica falls back to its own")
			.register(meters);
	}

	/**
	 * Runs {@code operation} against Redis, or answers empty when Redis failed now or recently; the caller then uses
	 * its in-process state.
	 */
	public <T> Optional<T> call(Use use, Function<StringRedisTemplate, T> operation) {
		return attempt(use, () -> operation.apply(this.client.template()));
	}

	/**
	 * Runs {@code operation} on a binary-keyed Lettuce connection (for libraries that speak Lettuce, such as
	 * Bucket4j), made from Spring Boot's configured client on first use; empty as {@link #call} is.
	 */
	public <T> Optional<T> callBinary(Use use, Function<StatefulRedisConnection<byte[], byte[]>, T> operation) {
		return attempt(use, () -> operation.apply(this.client.binary()));
	}

	private <T> Optional<T> attempt(Use use, Supplier<T> operation) {
		boolean probe = false;
		if (this.down) {
			if (System.nanoTime() - this.retryAt < 0 || !this.probing.compareAndSet(false, true)) {
				this.fallbacks[use.ordinal()].increment();
				return Optional.empty();
			}
			probe = true;
		}
		try {
			T result = operation.get();
			if (this.down) {
				this.down = false;
				log.info("Redis answers again: dispatch de-duplication and rate limits are shared across replicas");
			}
			return Optional.ofNullable(result);
		}
		catch (RuntimeException ex) {
			failed(ex);
			this.fallbacks[use.ordinal()].increment();
			return Optional.empty();
		}
		finally {
			if (probe) {
				this.probing.set(false);
			}
		}
	}

	private void failed(RuntimeException ex) {
		this.retryAt = System.nanoTime() + this.retryNanos;
		if (!this.down) {
			this.down = true;
			// Exception types only: a message could name the server, never the password, but nothing is gained.
			log.warn("Redis failed ({}): dispatch de-duplication and rate limits use this replica's own state, "
					+ "Redis is tried again in {}", causes(ex), Duration.ofNanos(this.retryNanos));
		}
		else {
			log.debug("Redis still failing ({})", causes(ex));
		}
	}

	private static String causes(Throwable ex) {
		StringBuilder names = new StringBuilder(ex.getClass().getSimpleName());
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			names.append(" < ").append(cause.getClass().getSimpleName());
		}
		return names.toString();
	}

	@Override
	public void destroy() {
		this.client.close();
	}

}
