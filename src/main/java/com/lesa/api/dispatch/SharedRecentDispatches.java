package com.lesa.api.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.livekit.AgentDispatch;
import com.lesa.api.livekit.LivekitException;
import com.lesa.api.redis.SharedRedis;
import com.lesa.api.redis.SharedRedis.Use;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * Recent dispatches in Redis, so replicas agree. One key per room and agent holds either a claim
 * ({@code claim:<uuid>}, set only if absent, expiring after {@link #claimTtl}) or a result ({@code done:<json>},
 * expiring after the de-duplication window). The replica whose claim lands calls LiveKit and replaces its claim with
 * the result; a failed call deletes the claim so the next request tries again; a replica that dies mid-call blocks
 * the room only until its claim expires. Every other request polls the key until it finds a result (and answers with
 * it), finds the key gone (and tries to claim it), or runs out of time (504, as a request waiting in-process does).
 * <p>
 * When Redis fails, the request goes on with this replica's {@link LocalRecentDispatches}: repeats on the same
 * replica are still de-duplicated, but replicas no longer agree until Redis is back.
 */
final class SharedRecentDispatches implements RecentDispatches {

	static final String KEY_PREFIX = "lesa:dispatch:";

	static final String CLAIM = "claim:";

	static final String DONE = "done:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Replaces our own claim with the result; a claim that expired and was taken by another replica is left. */
	private static final RedisScript<Long> COMPLETE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
				return 1
			end
			return 0""", Long.class);

	/** Deletes the key only if it still holds the value we saw, so a newer claim or result is never removed. */
	private static final RedisScript<Long> DELETE_IF_SAME = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(5);

	private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

	private final SharedRedis redis;

	private final LocalRecentDispatches fallback;

	private final Duration window;

	private final Duration claimTtl;

	private final Duration waitLimit;

	/**
	 * @param window how long a dispatch answers repeats
	 * @param callTimeout the longest a LiveKit call takes, retries included
	 */
	SharedRecentDispatches(SharedRedis redis, LocalRecentDispatches fallback, Duration window, Duration callTimeout) {
		this.redis = redis;
		this.fallback = fallback;
		this.window = window;
		// Long enough for a live replica to finish its call (and its room budget check) and store the result.
		this.claimTtl = claimTtl(callTimeout);
		// A waiter outlasts a claim whose replica died, so it can take over instead of failing.
		this.waitLimit = this.claimTtl.plusSeconds(1);
	}

	static Duration claimTtl(Duration callTimeout) {
		return callTimeout.plusSeconds(2);
	}

	static String key(String room, String agentName) {
		// Length-prefixed, so no room name can make two pairs share a key.
		return KEY_PREFIX + agentName.length() + ":" + agentName + ":" + room;
	}

	@Override
	public Dispatched dispatchOnce(String room, String agentName, Supplier<AgentDispatch> call) {
		String key = key(room, agentName);
		String claim = CLAIM + UUID.randomUUID();
		long deadline = System.nanoTime() + this.waitLimit.toNanos();
		Duration pause = FIRST_PAUSE;
		while (true) {
			Optional<String> seen = this.redis.call(Use.DEDUPLICATION, (redis) -> {
				if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, claim, this.claimTtl))) {
					return claim;
				}
				String value = redis.opsForValue().get(key);
				return (value != null) ? value : "";
			});
			if (seen.isEmpty()) {
				return this.fallback.dispatchOnce(room, agentName, call);
			}
			String value = seen.get();
			if (value.equals(claim)) {
				return new Dispatched(callAndStore(key, claim, call), false);
			}
			if (value.startsWith(DONE)) {
				return new Dispatched(read(value), true);
			}
			// Another replica's call is in flight, or the key went between our two commands: look again shortly.
			if (System.nanoTime() - deadline > 0) {
				throw LivekitException.timedOut("CreateDispatch", null);
			}
			sleep(pause);
			pause = (pause.compareTo(LONGEST_PAUSE) < 0) ? pause.multipliedBy(2) : LONGEST_PAUSE;
		}
	}

	private AgentDispatch callAndStore(String key, String claim, Supplier<AgentDispatch> call) {
		AgentDispatch dispatch;
		try {
			dispatch = call.get();
		}
		catch (RuntimeException ex) {
			this.redis.call(Use.DEDUPLICATION, (redis) -> redis.execute(DELETE_IF_SAME, List.of(key), claim));
			throw ex;
		}
		String done = DONE + JSON.writeValueAsString(dispatch);
		// If this fails, the claim still stands until it expires, so repeats wait and then dispatch again; the
		// dispatch itself succeeded and is answered.
		this.redis.call(Use.DEDUPLICATION, (redis) -> redis.execute(COMPLETE, List.of(key), claim, done,
				Long.toString(this.window.toMillis())));
		return dispatch;
	}

	@Override
	public void forget(String room, String agentName, String dispatchId) {
		String key = key(room, agentName);
		Optional<String> value = this.redis.call(Use.DEDUPLICATION, (redis) -> redis.opsForValue().get(key));
		if (value.isPresent() && value.get().startsWith(DONE) && dispatchId.equals(read(value.get()).id())) {
			this.redis.call(Use.DEDUPLICATION, (redis) -> redis.execute(DELETE_IF_SAME, List.of(key), value.get()));
		}
		this.fallback.forget(room, agentName, dispatchId);
	}

	private static AgentDispatch read(String value) {
		return JSON.readValue(value.substring(DONE.length()).getBytes(StandardCharsets.UTF_8), AgentDispatch.class);
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw LivekitException.timedOut("CreateDispatch", ex);
		}
	}

}
