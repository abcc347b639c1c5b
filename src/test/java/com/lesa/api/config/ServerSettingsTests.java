package com.lesa.api.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServerSettings#managementOnItsOwnPort()} says yes exactly when Spring Boot starts a management server of its
 * own ({@link ManagementPortType#DIFFERENT}), the only kind the ahead-of-time processed image has.
 */
class ServerSettingsTests {

	@ParameterizedTest(name = "PORT={0} MANAGEMENT_PORT={1}")
	@CsvSource(nullValues = "unset", value = { "8000, 8081", "8000, 8000", "8000, 0", "0, 0", "0, 8081", "8000, -1",
			"8000, unset", "unset, 8080", "unset, 8081", "unset, 0", "9000, 8080" })
	void managementOnItsOwnPortIsSpringBootsDifferentPort(String port, String managementPort) {
		MockEnvironment environment = new MockEnvironment();
		if (port != null) {
			environment.setProperty("server.port", port);
		}
		if (managementPort != null) {
			environment.setProperty("management.server.port", managementPort);
		}
		ServerSettings settings = new ServerSettings((port != null) ? Integer.valueOf(port) : null,
				(managementPort != null) ? Integer.valueOf(managementPort) : null, "none", true);

		assertThat(settings.managementOnItsOwnPort())
			.isEqualTo(ManagementPortType.get(environment) == ManagementPortType.DIFFERENT);
	}

}
