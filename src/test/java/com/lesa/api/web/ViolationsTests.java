package com.lesa.api.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationsTests {

	@Test
	void utf8LengthCountsWhatTheEncoderWrites() {
		for (String value : List.of("", "room-1", "caf\u00e9", "\u00ff\u0100\u07ff\u0800", "\u65e5\u672c\u8a9e",
				"\ud83d\ude00 smile", "mixed a\u00e9\u4e2d\ud83c\udf89z", "\uffff\ue000")) {
			assertThat(Violations.utf8Length(value)).as(value)
				.isEqualTo(value.getBytes(StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void identifierFastPathAndSlowPathAgree() {
		Violations ascii = new Violations();
		ascii.identifier("room", "a".repeat(101), 100);
		ascii.identifier("identity", "tab\there", 100);
		ascii.identifier("name", "plain-name_1", 100);
		assertThat(ascii.count()).isEqualTo(2);

		Violations unicode = new Violations();
		unicode.identifier("room", "\u00e9".repeat(100), 100);
		unicode.identifier("identity", "\u00e9".repeat(101), 100);
		unicode.identifier("name", "zero\u200bwidth", 100);
		unicode.identifier("room2", "\u4e2d".repeat(86), 100);
		// 100 two-byte characters fit; 101 characters do not; a zero-width space is refused; 86 three-byte characters
		// are 258 bytes, over LiveKit's 256.
		assertThat(unicode.count()).isEqualTo(3);
	}

}
