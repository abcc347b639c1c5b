package com.lesa.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HostNamesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "api.example.com, api.example.com", "API.Example.COM, api.example.com",
			"api.example.com:8443, api.example.com", "api.example.com., api.example.com",
			"api.example.com.:443, api.example.com", "10.0.0.5:8000, 10.0.0.5", "localhost, localhost",
			"[::1], [::1]", "[::1]:8000, [::1]", "[2001:DB8::1]:443, [2001:db8::1]", "my_service, my_service" })
	void hostOfWhenValidThenNormalized(String header, String host) {
		assertThat(HostNames.hostOf(header)).isEqualTo(host);
	}

	@ParameterizedTest(name = "[{0}]")
	@NullSource
	@ValueSource(strings = { "", " ", "bad host", "bad!host", "a..b", "api.example.com..", "-lead.example.com",
			"trail-.example.com", "api.example.com:", "api.example.com:99999", "api.example.com:80x", "::1",
			"[::1", "[zz::1]", "user@host", "host/path", "\u00e9xample.com", "a.b.c:1:2" })
	void hostOfWhenMalformedThenNull(String header) {
		assertThat(HostNames.hostOf(header)).isNull();
	}

	@Test
	void hostOfThenLabelsUpTo63AndNamesUpTo253CharactersAndPortsUpTo65535() {
		String label63 = "a".repeat(63);
		String name253 = String.join(".", label63, label63, label63, "b".repeat(61));
		assertThat(name253).hasSize(253);
		assertThat(HostNames.hostOf(label63 + ".example.com")).isEqualTo(label63 + ".example.com");
		assertThat(HostNames.hostOf(name253)).isEqualTo(name253);
		assertThat(HostNames.hostOf(name253 + ":443")).isEqualTo(name253);
		assertThat(HostNames.hostOf("api.example.com:65535")).isEqualTo("api.example.com");
		assertThat(HostNames.hostOf("api.example.com:1")).isEqualTo("api.example.com");
		assertThat(HostNames.hostOf("a" + label63 + ".example.com")).isNull();
		assertThat(HostNames.hostOf(name253 + "b")).isNull();
		assertThat(HostNames.hostOf("api.example.com:65536")).isNull();
		assertThat(HostNames.hostOf("api.example.com:000443")).isNull();
	}

	@ParameterizedTest(name = "{0} ~ {1}: {2}")
	@CsvSource({ "api.example.com, api.example.com, true", "api.example.com, API.example.com, true",
			"api.example.com, other.example.com, false", "a.example.com, *.example.com, true",
			"a.b.example.com, *.example.com, true", "example.com, *.example.com, false",
			"notexample.com, *.example.com, false", "anything.test, *, true", "[::1], [::1], true",
			"api.example.com, api.example.com., true" })
	void matchesThenExactWildcardAndApexRules(String host, String pattern, boolean matches) {
		assertThat(HostNames.matches(host, pattern)).isEqualTo(matches);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "*, true", "*.example.com, true", "api.example.com, true", "10.0.0.5, true", "[::1], true",
			"*example.com, false", "a*.b.com, false", "*.*.com, false", "api.*.com, false", "'', false",
			"http://api.example.com, false", "api.example.com:443, false" })
	void isValidPatternThenOnlyNamesWildcardsAndAddresses(String pattern, boolean valid) {
		assertThat(HostNames.isValidPattern(pattern)).isEqualTo(valid);
	}

}
