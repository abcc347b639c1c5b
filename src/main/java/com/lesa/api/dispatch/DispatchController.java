package com.lesa.api.dispatch;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.TokenSettings;
import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.security.Callers;
import com.lesa.api.security.RateLimiter;
import com.lesa.api.web.RoomPolicy;
import com.lesa.api.web.Violations;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/agent/dispatch}: dispatch an agent into a room, list a room's dispatches, remove one. */
@RestController
@RequestMapping(path = "/api/v1/agent/dispatch", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agent dispatch")
class DispatchController {

	private final DispatchService dispatches;

	private final DispatchSettings settings;

	private final TokenSettings limits;

	private final RoomPolicy rooms;

	private final Callers callers;

	private final RateLimiter rateLimiter;

	DispatchController(DispatchService dispatches, DispatchSettings settings, TokenSettings limits,
			RoomPolicy rooms, Callers callers, RateLimiter rateLimiter) {
		this.dispatches = dispatches;
		this.callers = callers;
		this.rateLimiter = rateLimiter;
		this.rooms = rooms;
		this.settings = settings;
		this.limits = limits;
	}

	@Operation(summary = "Dispatch an agent into a room",
			description = "Repeated dispatches of the same agent into the same room within "
					+ "DISPATCH_CACHE_TTL_SECONDS reach LiveKit once and answer the same dispatch_id.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DispatchView> dispatch(@RequestBody DispatchRequest request) {
		this.rateLimiter.dispatches(this.callers.current());
		Violations violations = new Violations();
		this.rooms.check(violations, "room", request.room());
		String agent = (request.agentName() != null) ? request.agentName() : this.settings.agentName();
		violations.allowedAgent("agent_name", agent, this.settings);
		String metadata = metadataText(request.metadata(), violations);
		violations.opaque("metadata", metadata, this.limits.maxMetadataBytes());
		violations.throwIfAny();
		Dispatched dispatched = this.dispatches.dispatch(request.room(), agent, metadata);
		return answer(DispatchView.of(dispatched.dispatch(), dispatched.deduplicated()));
	}

	@Operation(summary = "List a room's dispatches")
	@GetMapping
	ResponseEntity<DispatchList> list(
			@Parameter(description = "The room", required = true) @RequestParam(required = false) String room) {
		this.rateLimiter.dispatches(this.callers.current());
		Violations violations = new Violations();
		this.rooms.check(violations, "room", room);
		violations.throwIfAny();
		List<DispatchView> views = this.dispatches.list(room).stream().map((d) -> DispatchView.of(d, null)).toList();
		return answer(new DispatchList(room, views));
	}

	@Operation(summary = "Remove a dispatch")
	@DeleteMapping("/{dispatch_id}")
	ResponseEntity<DispatchView> delete(@PathVariable("dispatch_id") String dispatchId,
			@Parameter(description = "The dispatch's room", required = true) @RequestParam(required = false) String room) {
		this.rateLimiter.dispatches(this.callers.current());
		Violations violations = new Violations();
		this.rooms.check(violations, "room", room);
		violations.identifier("dispatch_id", dispatchId, TokenSettings.LIVEKIT_MAX_NAME_BYTES);
		violations.throwIfAny();
		return answer(DispatchView.of(this.dispatches.delete(room, dispatchId), null));
	}

	/** A string as it is, an object as its compact JSON text; anything else is a violation. */
	private static String metadataText(JsonNode metadata, Violations violations) {
		if (metadata == null || metadata.isNull()) {
			return null;
		}
		if (metadata.isString()) {
			return metadata.asString();
		}
		if (metadata.isObject()) {
			return metadata.toString();
		}
		violations.add("metadata", "must be a string or a JSON object");
		return null;
	}

	private static <T> ResponseEntity<T> answer(T body) {
		return ResponseEntity.ok().body(body);
	}

	/**
	 * A room's dispatches.
	 *
	 * @param room the room
	 * @param dispatches its dispatches, as LiveKit lists them
	 */
	@Schema(name = "DispatchList")
	record DispatchList(String room, List<DispatchView> dispatches) {
	}

}
