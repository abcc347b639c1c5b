package com.lesa.api.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.lesa.api.config.HttpSettings;
import com.lesa.api.support.Logs;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class WebConfigurationTests {

	@Test
	void corsWhenAnyOriginWithCredentialsOutsideProductionThenAnyOriginWithoutCredentialsAndOneWarning(
			CapturedOutput output) {
		int mark = Logs.mark(output);
		CorsConfiguration config = WebConfiguration
			.corsConfiguration(new HttpSettings.Cors(List.of("*"), true, List.of("*"), List.of("*")));

		assertThat(config.getAllowedOrigins()).containsExactly("*");
		assertThat(config.getAllowCredentials()).isFalse();
		assertThat(config.checkOrigin("https://anything.example")).isEqualTo("*");
		assertThat(Logs.since(output, mark).split("CORS_ALLOW_ORIGINS=\\* with CORS_ALLOW_CREDENTIALS=true", -1)).hasSize(2);
	}

	@Test
	void corsWhenOriginsListedThenOnlyThoseAreEchoedWithCredentials(CapturedOutput output) {
		int mark = Logs.mark(output);
		CorsConfiguration config = WebConfiguration.corsConfiguration(new HttpSettings.Cors(
				List.of("https://app.example.com", "https://*.partner.example"), true, List.of("POST"), List.of("*")));

		assertThat(config.getAllowCredentials()).isTrue();
		assertThat(config.checkOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
		assertThat(config.checkOrigin("https://eu.partner.example")).isEqualTo("https://eu.partner.example");
		assertThat(config.checkOrigin("https://evil.example")).isNull();
		assertThat(config.checkOrigin("https://app.example.com.evil.example")).isNull();
		assertThat(config.checkHttpMethod(org.springframework.http.HttpMethod.POST)).isNotNull();
		assertThat(config.checkHttpMethod(org.springframework.http.HttpMethod.DELETE)).isNull();
		assertThat(Logs.since(output, mark)).doesNotContain("CORS_ALLOW_ORIGINS=*");
	}

}
