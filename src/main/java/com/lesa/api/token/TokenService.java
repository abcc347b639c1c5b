package com.lesa.api.token;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.LivekitSettings;
import com.lesa.api.dispatch.DispatchService;
import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.livekit.AccessTokenClaims;
import com.lesa.api.livekit.AccessTokenMinter;
import com.lesa.api.livekit.LivekitException;
import com.lesa.api.livekit.MintedToken;
import com.lesa.api.livekit.VideoGrant;
import com.lesa.api.security.Caller;
import com.lesa.api.security.RateLimiter;
import com.lesa.api.token.TokenResponse.DispatchError;
import com.lesa.api.web.AccessLog;
import com.lesa.api.web.InvalidRequestException;
import com.lesa.api.web.RateLimitedException;

import org.springframework.stereotype.Service;

/**
 * Mints a participant's join token (no I/O), and with {@code dispatch_agent} dispatches the agent through the same
 * de-duplicated path as the dispatch endpoint. The token is returned whatever LiveKit does.
 */
@Service
class TokenService {

	private final TokenRequestValidator validator;

	private final AccessTokenMinter minter;

	private final DispatchService dispatches;

	private final String agentName;

	private final String wsUrl;

	/** {@code lesa.tokens} by outcome ({@code issued}, {@code invalid}) and mic_only, made once, not per request. */
	private final Map<String, Counter> counters = new HashMap<>();

	private final RateLimiter limits;

	TokenService(TokenRequestValidator validator, AccessTokenMinter minter, DispatchService dispatches,
			DispatchSettings dispatch, LivekitSettings livekit, RateLimiter limits, MeterRegistry meters) {
		for (String outcome : new String[] { "issued", "invalid" }) {
			for (boolean micOnly : new boolean[] { true, false }) {
				this.counters.put(outcome + micOnly, Counter.builder("lesa.tokens")
					.description("Token requests, by outcome and mic_only")
					.tag("outcome", outcome)
					.tag("mic_only", Boolean.toString(micOnly))
					.register(meters));
			}
		}
		this.limits = limits;
		this.validator = validator;
		this.minter = minter;
		this.dispatches = dispatches;
		this.agentName = dispatch.agentName();
		this.wsUrl = livekit.wsUrl().toString();
	}

	TokenResponse issue(TokenRequest request, Caller caller) {
		ParticipantGrant grant;
		try {
			grant = this.validator.validate(request, caller);
		}
		catch (InvalidRequestException ex) {
			count("invalid", Boolean.TRUE.equals(request.micOnly()));
			throw ex;
		}
		AccessTokenClaims claims = AccessTokenClaims
			.join(grant.identity(), grant.name(), grant.metadata(), grant.attributes(),
					VideoGrant.join(grant.room(), grant.micOnly()), Duration.ofMinutes(grant.ttlMinutes()))
			.withRoomConfig(grant.roomConfig());
		MintedToken token = this.minter.mint(claims);
		count("issued", grant.micOnly());
		AccessLog.field("room", grant.room());
		AccessLog.field("identity", grant.identity());
		AccessLog.field("ttl_minutes", grant.ttlMinutes());
		AccessLog.field("mic_only", grant.micOnly());
		String dispatchId = null;
		DispatchError dispatchError = null;
		if (grant.dispatchAgent()) {
			try {
				this.limits.dispatches(caller);
				Dispatched dispatched = this.dispatches.dispatch(grant.room(), this.agentName, null);
				dispatchId = dispatched.dispatch().id();
			}
			catch (RateLimitedException ex) {
				AccessLog.field("dispatch_error", "rate_limited");
				dispatchError = new DispatchError("rate_limited",
						"The " + ex.budget() + " budget is used up; retry after " + ex.retryAfterSeconds() + " s");
			}
			catch (LivekitException ex) {
				AccessLog.field("dispatch_error", ex.failure().code());
				dispatchError = new DispatchError(ex.failure().code(), ex.failure().description()
						+ ((ex.twirpCode() != null) ? " (" + ex.twirpCode() + ")" : ""));
			}
		}
		return new TokenResponse(token.jwt(), this.wsUrl, grant.room(), grant.identity(), grant.name(),
				grant.ttlMinutes(), token.expiresAtText(), grant.micOnly(), dispatchId != null, dispatchId,
				dispatchError, this.wsUrl, token.jwt());
	}

	private void count(String outcome, boolean micOnly) {
		this.counters.get(outcome + micOnly).increment();
	}

}
