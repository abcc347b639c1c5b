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
 * In development, when no LiveKit setting is given at all, points the service at {@code livekit-server --dev} so it
 * runs out of the box, and logs as readable text unless {@code LOG_FORMAT} says otherwise. The values go in last, so
 * any real setting wins; no other environment gets them.
 */
class DevelopmentDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "developmentDefaults";

	private static final Map<String, Object> LIVEKIT_DEV_SERVER = Map.of("LIVEKIT_WS_URL", "ws://localhost:7880",
			"LIVEKIT_URL", "http://localhost:7880", "LIVEKIT_API_KEY", LivekitSettings.DEV_API_KEY,
			"LIVEKIT_API_SECRET", LivekitSettings.DEV_API_SECRET);

	private final Log log;

	DevelopmentDefaults(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(DevelopmentDefaults.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String deployment = environment.getProperty("lesa.service.environment", "");
		if (!DeploymentEnvironment.DEVELOPMENT.toString().equalsIgnoreCase(deployment.trim())) {
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
