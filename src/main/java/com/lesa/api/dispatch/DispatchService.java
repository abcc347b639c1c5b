package com.lesa.api.dispatch;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.lesa.api.livekit.AgentDispatch;
import com.lesa.api.livekit.LivekitApiClient;
import com.lesa.api.livekit.LivekitBulkhead;
import com.lesa.api.livekit.LivekitException;
import com.lesa.api.security.RateLimiter;
import com.lesa.api.web.AccessLog;

import org.springframework.stereotype.Service;

/**
 * Dispatches agents into rooms so that, within {@code DISPATCH_CACHE_TTL_SECONDS}, one agent reaches one room once
 * (see {@link RecentDispatches}: in this process, or across replicas when {@code REDIS_URL} is set).
 */
@Service
public class DispatchService {

	private final LivekitApiClient livekit;

	private final RecentDispatches recent;

	private final MeterRegistry meters;

	private final RateLimiter limits;

	private final LivekitBulkhead bulkhead;

	DispatchService(LivekitApiClient livekit, LivekitBulkhead bulkhead, RecentDispatches recent, RateLimiter limits,
			MeterRegistry meters) {
		this.livekit = livekit;
		this.bulkhead = bulkhead;
		this.recent = recent;
		this.limits = limits;
		this.meters = meters;
	}

	/** Dispatches {@code agentName} into {@code room}, or returns the dispatch a recent identical call made. */
	public Dispatched dispatch(String room, String agentName, String metadata) {
		AccessLog.field("room", room);
		AccessLog.field("agent_name", agentName);
		Dispatched dispatched;
		// One place in the bulkhead, taken before anything else, whether this request calls LiveKit or waits for
		// another request's call: either way it waits on LiveKit.
		try (LivekitBulkhead.Permit permit = this.bulkhead.enter("CreateDispatch")) {
			dispatched = this.recent.dispatchOnce(room, agentName, () -> {
				// Only a dispatch that reaches LiveKit counts against the room's budget; repeats do not.
				this.limits.roomDispatches(room);
				return this.livekit.createDispatch(room, agentName, metadata);
			});
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

	public List<AgentDispatch> list(String room) {
		AccessLog.field("room", room);
		return this.livekit.listDispatches(room);
	}

	/** Deletes a dispatch, and forgets it so the next dispatch of that agent into that room is a new one. */
	public AgentDispatch delete(String room, String dispatchId) {
		AccessLog.field("room", room);
		AccessLog.field("dispatch_id", dispatchId);
		AgentDispatch deleted = this.livekit.deleteDispatch(room, dispatchId);
		this.recent.forget(room, deleted.agentName(), dispatchId);
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

	/**
	 * What a dispatch request led to.
	 *
	 * @param dispatch the dispatch in LiveKit
	 * @param deduplicated whether it was made by an earlier identical request rather than this one
	 */
	public record Dispatched(AgentDispatch dispatch, boolean deduplicated) {
	}

}
