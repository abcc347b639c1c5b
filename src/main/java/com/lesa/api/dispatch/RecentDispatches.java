package com.lesa.api.dispatch;

import java.util.function.Supplier;

import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.livekit.AgentDispatch;

/**
 * Where dispatches of one agent into one room are remembered for {@code DISPATCH_CACHE_TTL_SECONDS}, so that the first
 * caller makes the LiveKit call and callers that arrive while it is in flight, or soon after, get its result; a failed
 * call is forgotten at once so the next caller tries again. In this process ({@link LocalRecentDispatches}) or, when
 * {@code REDIS_URL} is set, across replicas ({@link SharedRecentDispatches}).
 */
interface RecentDispatches {

	/** Makes no attempt to de-duplicate: every request calls LiveKit ({@code DISPATCH_CACHE_TTL_SECONDS=0}). */
	RecentDispatches NONE = new RecentDispatches() {

		@Override
		public Dispatched dispatchOnce(String room, String agentName, Supplier<AgentDispatch> call) {
			return new Dispatched(call.get(), false);
		}

		@Override
		public void forget(String room, String agentName, String dispatchId) {
		}

	};

	/** Runs {@code call} unless a recent or in-flight dispatch of {@code agentName} into {@code room} answers. */
	Dispatched dispatchOnce(String room, String agentName, Supplier<AgentDispatch> call);

	/** Forgets dispatch {@code dispatchId} (it was deleted), so the next request dispatches again. */
	void forget(String room, String agentName, String dispatchId);

}
