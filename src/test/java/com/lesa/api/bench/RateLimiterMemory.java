package com.lesa.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import com.lesa.api.config.LimitsSettings;
import com.lesa.api.security.Caller;
import com.lesa.api.security.RateLimiter;
import com.lesa.api.web.Refusals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Heap the in-memory rate limiter holds when it tracks as many callers as {@code RATE_LIMIT_MAX_TRACKED} allows: the
 * most a flood of distinct callers can make it keep. Prints the heap in use after a full collection before and after
 * the real {@link RateLimiter} saw that many distinct callers, and the bytes per tracked bucket.
 * <p>
 * Usage: {@code bench/rate-limiter-memory.sh [tracked callers, default 100000]}
 */
public final class RateLimiterMemory {

	private RateLimiterMemory() {
	}

	public static void main(String[] args) {
		int callers = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		RateLimiter limiter = new RateLimiter(new LimitsSettings(30, 10, 30, callers),
				new Refusals(new SimpleMeterRegistry()));
		limiter.tokens(caller(0));
		long before = heapAfterCollection();
		for (int i = 0; i < callers; i++) {
			limiter.tokens(caller(i));
		}
		long after = heapAfterCollection();
		System.out.printf("rate limiter tracking %,d callers: %.1f MB of heap, %.0f bytes per caller%n", callers,
				(after - before) / 1e6, (after - before) / (double) callers);
		// Keeps the limiter reachable until after the second measurement.
		limiter.tokens(caller(callers - 1));
	}

	/** A caller as {@code Callers} names one without credentials: by IPv4 address. */
	private static Caller caller(int i) {
		return new Caller("ip:10." + (i >>> 16) + "." + ((i >>> 8) & 255) + "." + (i & 255), null, null);
	}

	private static long heapAfterCollection() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
