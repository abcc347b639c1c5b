package com.lesa.api.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.livekit.AgentDispatch;
import com.lesa.api.livekit.LivekitApiClient;
import com.lesa.api.livekit.LivekitBulkhead;
import com.lesa.api.livekit.LivekitException;
import com.lesa.api.security.RateLimiter;
import com.lesa.api.web.AccessLog;

import org.springframework.stereotype.Service;

/**
 * Dispatches agents into rooms so that, within {@code DISPATCH_CACHE_TTL_SECONDS}, one agent reaches one room once:
 * the first caller makes the LiveKit call, callers that arrive while it is in flight or soon after get its result,
 * and a failed call is forgotten at once so the next caller tries again.
 */
@Service
public class DispatchService {

	private final LivekitApiClient livekit;

	private final AsyncCache<RoomAgent, AgentDispatch> recent;

	private final Duration waitLimit;

	private final MeterRegistry meters;

	private final RateLimiter limits;

	private final LivekitBulkhead bulkhead;

	DispatchService(LivekitApiClient livekit, LivekitBulkhead bulkhead, DispatchSettings settings,
			LivekitApiSettings api, RateLimiter limits, MeterRegistry meters) {
		this.livekit = livekit;
		this.bulkhead = bulkhead;
		this.limits = limits;
		this.meters = meters;
		this.recent = (settings.cacheTtlSeconds() > 0) ? Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofSeconds(settings.cacheTtlSeconds()))
			.maximumSize(100_000)
			.buildAsync() : null;
		// The call in flight ends within its own timeout; waiting a little longer only covers scheduling.
		this.waitLimit = api.callTimeout().plusSeconds(1);
	}

	/** Dispatches {@code agentName} into {@code room}, or returns the dispatch a recent identical call made. */
	public Dispatched dispatch(String room, String agentName, String metadata) {
		AccessLog.field("room", room);
		AccessLog.field("agent_name", agentName);
		Dispatched dispatched;
		// One place in the bulkhead, taken before anything else, whether this request calls LiveKit or waits for
		// another request's call: either way it waits on LiveKit.
		try (LivekitBulkhead.Permit permit = this.bulkhead.enter("CreateDispatch")) {
			dispatched = dispatchOnce(room, agentName, metadata);
		}
		catch (LivekitException ex) {
			count("failed", (ex.twirpCode() != null) ? ex.twirpCode() : ex.failure().code());
			throw ex;
		}
		count(dispatched.deduplicated() ? "deduplicated" : "created", "none");
		AccessLog.field("dispatch_id", dispatched.dispatch().id());
		AccessLog.field("deduplicated", dispatched.deduplicated());
		return dispatched;
	}

	private Dispatched dispatchOnce(String room, String agentName, String metadata) {
		if (this.recent == null) {
			this.limits.roomDispatches(room);
			return new Dispatched(this.livekit.createDispatch(room, agentName, metadata), false);
		}
		CompletableFuture<AgentDispatch> mine = new CompletableFuture<>();
		CompletableFuture<AgentDispatch> earlier = this.recent.asMap().putIfAbsent(new RoomAgent(room, agentName), mine);
		if (earlier != null) {
			return new Dispatched(await(earlier), true);
		}
		try {
			// Only a dispatch that reaches LiveKit counts against the room's budget; repeats answered from here do not.
			this.limits.roomDispatches(room);
			AgentDispatch dispatch = this.livekit.createDispatch(room, agentName, metadata);
			mine.complete(dispatch);
			return new Dispatched(dispatch, false);
		}
		catch (RuntimeException ex) {
			// Caffeine drops a future that completes exceptionally, so the next caller calls LiveKit again.
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	public List<AgentDispatch> list(String room) {
		AccessLog.field("room", room);
		return this.livekit.listDispatches(room);
	}

	/** Deletes a dispatch, and forgets it so the next dispatch of that agent into that room is a new one. */
	public AgentDispatch delete(String room, String dispatchId) {
		AccessLog.field("room", room);
		AccessLog.field("dispatch_id", dispatchId);
		AgentDispatch deleted = this.livekit.deleteDispatch(room, dispatchId);
		if (this.recent != null) {
			RoomAgent key = new RoomAgent(room, deleted.agentName());
			CompletableFuture<AgentDispatch> cached = this.recent.getIfPresent(key);
			if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()
					&& dispatchId.equals(cached.join().id())) {
				this.recent.asMap().remove(key, cached);
			}
		}
		return deleted;
	}

	private void count(String outcome, String upstreamCode) {
		Counter.builder("lesa.dispatches")
			.description("Dispatch requests, by outcome and, for failures, LiveKit's code")
			.tag("outcome", outcome)
			.tag("upstream_code", upstreamCode)
			.register(this.meters)
			.increment();
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

	/**
	 * What a dispatch request led to.
	 *
	 * @param dispatch the dispatch in LiveKit
	 * @param deduplicated whether it was made by an earlier identical request rather than this one
	 */
	public record Dispatched(AgentDispatch dispatch, boolean deduplicated) {
	}

	private record RoomAgent(String room, String agentName) {
	}

}
