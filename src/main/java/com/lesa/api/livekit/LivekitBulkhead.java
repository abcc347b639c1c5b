package com.lesa.api.livekit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.livekit.LivekitException.Failure;

import org.springframework.stereotype.Component;

/**
 * Bounds how many requests may wait on LiveKit at once ({@code LIVEKIT_MAX_CONCURRENT_CALLS}): calls in flight and
 * requests waiting for a de-duplicated call alike. A request finds a place or, after at most
 * {@code LIVEKIT_BULKHEAD_WAIT}, is refused: when LiveKit hangs the excess is turned away quickly instead of tying up
 * request threads, so token minting and health checks keep theirs.
 */
@Component
public class LivekitBulkhead {

	private final Semaphore permits;

	private final long waitNanos;

	/** A request holds at most one place: a dispatch that enters, then calls LiveKit, does not enter twice. */
	private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

	public LivekitBulkhead(LivekitApiSettings settings) {
		this.waitNanos = settings.bulkheadWait().toNanos();
		this.permits = new Semaphore(settings.maxConcurrentCalls());
	}

	/** A permit to wait on LiveKit, to close when done; a {@link LivekitException} (OVERLOADED) when there is none. */
	public Permit enter(String method) {
		if (this.holding.get()) {
			return () -> {
			};
		}
		if (!acquire()) {
			throw LivekitException.refused(method, Failure.OVERLOADED);
		}
		this.holding.set(true);
		return () -> {
			this.holding.remove();
			this.permits.release();
		};
	}

	/** A short wait for a place: a burst against a healthy LiveKit frees places in milliseconds. */
	private boolean acquire() {
		try {
			return this.permits.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** A held permit; closing it gives it back. */
	@FunctionalInterface
	public interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
