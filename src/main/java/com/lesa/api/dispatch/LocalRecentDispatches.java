package com.lesa.api.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.livekit.AgentDispatch;
import com.lesa.api.livekit.LivekitException;

/**
 * Recent dispatches in this process: a Caffeine {@link AsyncCache} whose futures give "one call in flight, later
 * callers get its result, a failed future is dropped" without hand-written locking.
 */
final class LocalRecentDispatches implements RecentDispatches {

	private final AsyncCache<RoomAgent, AgentDispatch> recent;

	private final Duration waitLimit;

	/**
	 * @param window how long a dispatch answers repeats
	 * @param waitLimit how long a repeat waits for the call in flight
	 */
	LocalRecentDispatches(Duration window, Duration waitLimit) {
		this.recent = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).buildAsync();
		this.waitLimit = waitLimit;
	}

	@Override
	public Dispatched dispatchOnce(String room, String agentName, Supplier<AgentDispatch> call) {
		CompletableFuture<AgentDispatch> mine = new CompletableFuture<>();
		CompletableFuture<AgentDispatch> earlier = this.recent.asMap().putIfAbsent(new RoomAgent(room, agentName), mine);
		if (earlier != null) {
			return new Dispatched(await(earlier), true);
		}
		try {
			AgentDispatch dispatch = call.get();
			mine.complete(dispatch);
			return new Dispatched(dispatch, false);
		}
		catch (RuntimeException ex) {
			// Caffeine drops a future that completes exceptionally, so the next caller calls LiveKit again.
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	@Override
	public void forget(String room, String agentName, String dispatchId) {
		RoomAgent key = new RoomAgent(room, agentName);
		CompletableFuture<AgentDispatch> cached = this.recent.getIfPresent(key);
		if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()
				&& dispatchId.equals(cached.join().id())) {
			this.recent.asMap().remove(key, cached);
		}
	}

	private AgentDispatch await(CompletableFuture<AgentDispatch> inFlight) {
		try {
			return inFlight.get(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failed) {
				throw failed;
			}
			throw new IllegalStateException("Dispatch failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw LivekitException.timedOut("CreateDispatch", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw LivekitException.timedOut("CreateDispatch", ex);
		}
	}

	private record RoomAgent(String room, String agentName) {
	}

}
