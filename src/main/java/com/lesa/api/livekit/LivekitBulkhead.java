package com.lesa.api.livekit;

import java.util.concurrent.Semaphore;

import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.livekit.LivekitException.Failure;

import org.springframework.stereotype.Component;

/**
 * Bounds how many requests may wait on LiveKit at once ({@code LIVEKIT_MAX_CONCURRENT_CALLS}): calls in flight and
 * requests waiting for a de-duplicated call alike. When LiveKit hangs, the excess is refused at once instead of
 * tying up request threads, so token minting and health checks keep their threads.
 */
@Component
public class LivekitBulkhead {

	private final Semaphore permits;

	/** A request holds at most one place: a dispatch that enters, then calls LiveKit, does not enter twice. */
	private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

	public LivekitBulkhead(LivekitApiSettings settings) {
		this.permits = new Semaphore(settings.maxConcurrentCalls());
	}

	/** A permit to wait on LiveKit, to close when done; a {@link LivekitException} (OVERLOADED) when there is none. */
	public Permit enter(String method) {
		if (this.holding.get()) {
			return () -> {
			};
		}
		if (!this.permits.tryAcquire()) {
			throw LivekitException.refused(method, Failure.OVERLOADED);
		}
		this.holding.set(true);
		return () -> {
			this.holding.remove();
			this.permits.release();
		};
	}

	int available() {
		return this.permits.availablePermits();
	}

	/** A held permit; closing it gives it back. */
	@FunctionalInterface
	public interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
