package com.lesa.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

/**
 * The Redis that several replicas share for dispatch de-duplication and rate limits. Unset, everything stays inside
 * each process and no Redis code runs.
 *
 * @param url {@code REDIS_URL}: {@code redis://host:6379/0}, or {@code rediss://:password@host:6380/0} for TLS;
 * empty for none
 * @param timeout {@code REDIS_TIMEOUT}: the longest any one Redis command may take before the request goes on
 * without Redis
 * @param connectTimeout {@code REDIS_CONNECT_TIMEOUT}: to open the connection
 * @param retryInterval {@code REDIS_RETRY_INTERVAL}: after a Redis failure, how long requests use in-process state
 * before Redis is tried again
 */
public record RedisSettings(String url, @NotNull Duration timeout, @NotNull Duration connectTimeout,
		@NotNull Duration retryInterval) {

	public RedisSettings {
		url = (url != null) ? url.trim() : "";
	}

	/** Whether a Redis is configured at all. */
	public boolean enabled() {
		return !this.url.isEmpty();
	}

	/** Whether {@link #url()} is a Redis URL Lettuce can use; never says why, as the URL may hold a password. */
	boolean hasValidUrl() {
		try {
			URI uri = new URI(this.url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("redis") || scheme.equals("rediss")) && uri.getHost() != null
					&& uri.getQuery() == null && uri.getFragment() == null
					&& (uri.getPath() == null || uri.getPath().matches("/?([0-9]{1,2})?"));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		// The URL may carry a password.
		return "RedisSettings[url=" + (enabled() ? "(set)" : "(none)") + ", timeout=" + this.timeout
				+ ", connectTimeout=" + this.connectTimeout + ", retryInterval=" + this.retryInterval + "]";
	}

}
