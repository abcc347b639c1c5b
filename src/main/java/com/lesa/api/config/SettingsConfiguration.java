package com.lesa.api.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link LesaSettings} and offers each concern's record on its own, so a class asks only for what it uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LesaSettings.class)
class SettingsConfiguration {

	@Bean(SettingsValidator.BEAN_NAME)
	static SettingsValidator configurationPropertiesValidator() {
		return new SettingsValidator();
	}

	@Bean
	ServiceSettings serviceSettings(LesaSettings settings) {
		return settings.service();
	}

	@Bean
	LivekitSettings livekitSettings(LesaSettings settings) {
		return settings.livekit();
	}

	@Bean
	TokenSettings tokenSettings(LesaSettings settings) {
		return settings.token();
	}

	@Bean
	ServerSettings serverSettings(LesaSettings settings) {
		return settings.server();
	}

	@Bean
	HttpSettings httpSettings(LesaSettings settings) {
		return settings.http();
	}

	@Bean
	DispatchSettings dispatchSettings(LesaSettings settings) {
		return settings.dispatch();
	}

	@Bean
	LivekitApiSettings livekitApiSettings(LesaSettings settings) {
		return settings.livekitApi();
	}

	@Bean
	AuthSettings authSettings(LesaSettings settings) {
		return settings.auth();
	}

	@Bean
	LimitsSettings limitsSettings(LesaSettings settings) {
		return settings.limits();
	}

	@Bean
	RedisSettings redisSettings(LesaSettings settings) {
		return settings.redis();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
