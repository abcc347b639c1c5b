package com.lesa.api.dispatch;

import java.time.Duration;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.redis.SharedRedis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where recent dispatches are remembered: nowhere, in this process, or in Redis when one is configured. */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

	@Bean
	RecentDispatches recentDispatches(DispatchSettings settings, LivekitApiSettings api,
			ObjectProvider<SharedRedis> redis) {
		return choose(settings, api, redis.getIfAvailable());
	}

	static RecentDispatches choose(DispatchSettings settings, LivekitApiSettings api, SharedRedis redis) {
		if (settings.cacheTtlSeconds() == 0) {
			return RecentDispatches.NONE;
		}
		Duration window = Duration.ofSeconds(settings.cacheTtlSeconds());
		// The call in flight ends within its own timeout; waiting a little longer only covers scheduling.
		LocalRecentDispatches local = new LocalRecentDispatches(window, api.callTimeout().plusSeconds(1));
		return (redis != null) ? new SharedRecentDispatches(redis, local, window, api.callTimeout()) : local;
	}

}
