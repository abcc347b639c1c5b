package com.lesa.api.dispatch;

import java.util.List;

import tools.jackson.databind.JsonNode;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.TokenSettings;
import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.web.Violations;

import org.springframework.http.CacheControl;
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
@RequestMapping("/api/v1/agent/dispatch")
class DispatchController {

	private final DispatchService dispatches;

	private final DispatchSettings settings;

	private final TokenSettings limits;

	DispatchController(DispatchService dispatches, DispatchSettings settings, TokenSettings limits) {
		this.dispatches = dispatches;
		this.settings = settings;
		this.limits = limits;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DispatchView> dispatch(@RequestBody DispatchRequest request) {
		Violations violations = new Violations();
		violations.identifier("room", request.room(), this.limits.maxRoomNameLength());
		String agent = (request.agentName() != null) ? request.agentName() : this.settings.agentName();
		violations.allowedAgent("agent_name", agent, this.settings);
		String metadata = metadataText(request.metadata(), violations);
		violations.opaque("metadata", metadata, this.limits.maxMetadataBytes());
		violations.throwIfAny();
		Dispatched dispatched = this.dispatches.dispatch(request.room(), agent, metadata);
		return answer(DispatchView.of(dispatched.dispatch(), dispatched.deduplicated()));
	}

	@GetMapping
	ResponseEntity<DispatchList> list(@RequestParam(required = false) String room) {
		Violations violations = new Violations();
		violations.identifier("room", room, this.limits.maxRoomNameLength());
		violations.throwIfAny();
		List<DispatchView> views = this.dispatches.list(room).stream().map((d) -> DispatchView.of(d, null)).toList();
		return answer(new DispatchList(room, views));
	}

	@DeleteMapping("/{dispatchId}")
	ResponseEntity<DispatchView> delete(@PathVariable String dispatchId, @RequestParam(required = false) String room) {
		Violations violations = new Violations();
		violations.identifier("room", room, this.limits.maxRoomNameLength());
		violations.identifier("dispatch_id", dispatchId, Violations.LIVEKIT_MAX_NAME_BYTES);
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
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * A room's dispatches.
	 *
	 * @param room the room
	 * @param dispatches its dispatches, as LiveKit lists them
	 */
	record DispatchList(String room, List<DispatchView> dispatches) {
	}

}
