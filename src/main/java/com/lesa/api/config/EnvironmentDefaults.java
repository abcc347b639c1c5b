package com.lesa.api.config;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Defaults that depend on {@code ENVIRONMENT}. In development, when no LiveKit setting is given at all, the service
 * points at {@code livekit-server --dev} so it runs out of the box, and logs readable text. In production the API
 * documentation is off. The values go in last, so any real setting wins.
 */
class EnvironmentDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "environmentDefaults";

	private static final Map<String, Object> LIVEKIT_DEV_SERVER = Map.of("LIVEKIT_WS_URL", "ws://localhost:7880",
			"LIVEKIT_URL", "http://localhost:7880", "LIVEKIT_API_KEY", LivekitSettings.DEV_API_KEY,
			"LIVEKIT_API_SECRET", LivekitSettings.DEV_API_SECRET);

	private final Log log;

	EnvironmentDefaults(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EnvironmentDefaults.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String deployment = environment.getProperty("lesa.service.environment", "").trim();
		if (DeploymentEnvironment.PRODUCTION.toString().equalsIgnoreCase(deployment)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE_NAME, Map.of("API_DOCS_ENABLED", "false")));
		}
		if (!DeploymentEnvironment.DEVELOPMENT.toString().equalsIgnoreCase(deployment)) {
			return;
		}
		boolean anyGiven = Stream.of("ws-url", "url", "api-key", "api-secret")
			.anyMatch((name) -> StringUtils.hasText(environment.getProperty("lesa.livekit." + name)));
		Map<String, Object> defaults = new HashMap<>(Map.of("LOG_FORMAT", "text"));
		if (!anyGiven) {
			defaults.putAll(LIVEKIT_DEV_SERVER);
			this.log.warn("No LIVEKIT_* settings given: using the livekit-server --dev defaults "
					+ "(ws://localhost:7880, key devkey). Development only; set all four LIVEKIT_* variables otherwise.");
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return LoggingSetup.ORDER - 1;
	}

}
