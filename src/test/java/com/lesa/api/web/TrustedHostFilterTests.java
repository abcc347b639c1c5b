package com.lesa.api.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Host header gets its own verdict, whichever came before (EdgeIntegrationTests: the 400). */
class TrustedHostFilterTests {

	@Test
	void eachHostGetsItsOwnVerdictWhicheverCameBefore() {
		TrustedHostFilter filter = new TrustedHostFilter(List.of("api.example.com", "*.example.org"), null, null);
		String[][] sequence = { { "api.example.com", "true" }, { "api.example.com", "true" }, { "evil.com", "false" },
				{ "evil.com", "false" }, { "API.example.com:443", "true" }, { "example.org", "false" },
				{ "app.example.org", "true" }, { "", "false" }, { "api.example.com", "true" }, { "bad host", "false" },
				{ "app.example.org.", "true" } };
		for (String[] step : sequence) {
			assertThat(filter.isTrusted(step[0])).as(step[0]).isEqualTo(Boolean.parseBoolean(step[1]));
		}
		assertThat(filter.isTrusted(null)).isFalse();
	}

	@Test
	void anyHostStillRefusesMalformedHeaders() {
		TrustedHostFilter filter = new TrustedHostFilter(List.of("*"), null, null);
		assertThat(filter.isTrusted("anything.example")).isTrue();
		assertThat(filter.isTrusted("a..b")).isFalse();
		assertThat(filter.isTrusted("anything.example")).isTrue();
		assertThat(filter.isTrusted("host:99999")).isFalse();
	}

}
