package com.lesa.api.health;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management endpoints that could leak settings or memory (env, heapdump, ...) are left out of the application,
 * not merely unexposed: an operator who exposes everything by a setting still gets only health, info and prometheus.
 */
@ServiceTest
// What MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=* in the environment would set.
@TestPropertySource(properties = "management.endpoints.web.exposure.include=*")
class ManagementExposureIntegrationTests {

	@Autowired
	private Environment environment;

	@Test
	void exposeEverythingThenStillProbesInfoAndPrometheusOnly() {
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("*");
		HttpTestClient management = new HttpTestClient(
				this.environment.getRequiredProperty("local.management.port", Integer.class));

		assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(management.get("/actuator/info").status()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
		for (String endpoint : new String[] { "env", "beans", "configprops", "heapdump", "threaddump", "loggers",
				"mappings", "conditions", "metrics", "startup", "scheduledtasks", "auditevents", "httpexchanges",
				"sbom", "shutdown" }) {
			assertThat(management.get("/actuator/" + endpoint).status()).as(endpoint).isEqualTo(404);
		}
		assertThat(management.get("/actuator").body()).contains("/actuator/health")
			.doesNotContain("/actuator/env", "/actuator/heapdump", "/actuator/loggers");
	}

}
