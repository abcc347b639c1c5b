package com.lesa.api.config;

/** Where the service runs; {@code production} turns on the strict start-up checks. */
public enum DeploymentEnvironment {

	DEVELOPMENT, TEST, STAGING, PRODUCTION;

	public boolean isDevelopment() {
		return this == DEVELOPMENT;
	}

	public boolean isProduction() {
		return this == PRODUCTION;
	}

	@Override
	public String toString() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
