package com.lesa.api.health;

import com.lesa.api.livekit.LivekitApiClient;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether LiveKit's API can be reached, for dashboards ({@code /actuator/health/livekit}). It is in neither the
 * liveness nor the readiness group: a LiveKit outage must not restart pods or take token minting out of rotation.
 */
@Component("livekit")
class LivekitHealthIndicator extends AbstractHealthIndicator {

	private final LivekitApiClient livekit;

	LivekitHealthIndicator(LivekitApiClient livekit) {
		super("LiveKit health check failed");
		this.livekit = livekit;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.livekit.isReachable()) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", "LiveKit's API did not accept a connection");
		}
	}

}
