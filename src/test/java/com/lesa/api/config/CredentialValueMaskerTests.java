package com.lesa.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.logstash.logback.mask.RegexValueMasker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialValueMaskerTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYWxsZXIifQ.c2lnbmF0dXJl";

	private final CredentialValueMasker masker = new CredentialValueMasker();

	@Test
	void maskWhenValueHoldsJwtOrBearerCredentialThenReplacesEachWithMask() {
		assertThat(this.masker.mask(null, "leaked " + JWT + " and Bearer abc.def")).isEqualTo("leaked **** and ****");
		assertThat(this.masker.mask(null, "authorization: bEaReR\tsome-opaque~token=")).isEqualTo("authorization: ****");
		assertThat(this.masker.mask(null, new StringBuilder(JWT))).isEqualTo("****");
	}

	@Test
	void maskWhenValueHoldsNoCredentialThenLeavesItAlone() {
		assertThat(this.masker.mask(null, "POST /api/v1/auth/token")).isNull();
		assertThat(this.masker.mask(null, "eyJ-but-not-a-jwt, a bearer: none")).isNull();
		assertThat(this.masker.mask(null, 42)).isNull();
		assertThat(this.masker.mask(null, "")).isNull();
	}

	@Test
	void maskAnswersAsLogstashRegexMaskersInSequenceWould() {
		RegexValueMasker jwt = new RegexValueMasker(CredentialValueMasker.JWT, CredentialValueMasker.MASK);
		RegexValueMasker bearer = new RegexValueMasker(CredentialValueMasker.BEARER, CredentialValueMasker.MASK);
		List<String> values = List.of("plain", JWT, "x" + JWT + "y", "eyJab.cdef.gh", "eyJabcd.efgh.", "BEARER  a/b+c=",
				"Bearer " + JWT, "bearer", "bearer ", "prefix bearerX tail", "ebearer q", "b", "BEAR", "eyJ",
				"two " + JWT + " " + JWT, "\u00e9 Bearer \u00e9");
		for (String value : values) {
			Object afterJwt = jwt.mask(null, value);
			Object afterBoth = bearer.mask(null, (afterJwt != null) ? afterJwt : value);
			Object expected = (afterBoth != null) ? afterBoth : afterJwt;
			assertThat(this.masker.mask(null, value)).as(value).isEqualTo(expected);
		}
	}

	@Test
	void textLogsMaskWithTheSameExpressions() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/logging/text.xml")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(text).contains("'" + CredentialValueMasker.JWT + "'", "'" + CredentialValueMasker.BEARER + "'");
		}
	}

}
