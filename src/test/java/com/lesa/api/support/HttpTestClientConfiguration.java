package com.lesa.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** Offers tests an {@link HttpTestClient} aimed at the running service's random port. */
@TestConfiguration(proxyBeanMethods = false)
class HttpTestClientConfiguration {

	@Bean
	@Lazy
	HttpTestClient httpTestClient(Environment environment) {
		return new HttpTestClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

}
