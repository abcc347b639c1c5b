package com.lesa.api.token;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import com.lesa.api.token.TokenResponse.DispatchError;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer writes exactly what Jackson makes of the annotated record, or leaves the value to Jackson. */
class TokenResponseWriterTests {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln-_";

	private final TokenResponseWriter writer = new TokenResponseWriter();

	@Test
	void writeWhenUsualThenJacksonsBytesWithAndWithoutOptionalFields() {
		TokenResponse plain = answer(JWT, "alice", null, null, null);
		TokenResponse failed = answer(JWT, "bob", "Bob \u00e9 \u6771\u4eac \ud83c\udf89",
				new DispatchError("livekit_unavailable", "LiveKit did not answer"), null);
		TokenResponse dispatched = answer(JWT, "carol", "Carol / <b>&amp;</b> \u007f \u2028", null, "AD_1");
		// The same token in another string instance, checked on its own.
		TokenResponse copied = new TokenResponse(JWT, "wss://lk", "r", "erin", null, 5, "2026-12-04T21:00:00Z",
				false, false, null, null, "wss://lk", new String(JWT));
		TokenResponse nullFields = new TokenResponse(JWT, "wss://lk", "r", "erin", null, 0, "2026-12-04T21:00:00Z",
				true, true, null, new DispatchError(null, null), "wss://lk", JWT);

		for (TokenResponse response : new TokenResponse[] { plain, failed, dispatched, copied, nullFields }) {
			byte[] written = this.writer.writeUsual(response);
			assertThat(written).as(response.name()).isNotNull();
			assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(JSON.writeValueAsString(response));
		}
		assertThat(new String(this.writer.writeUsual(plain), StandardCharsets.UTF_8))
			.isEqualTo("{\"token\":\"" + JWT + "\",\"ws_url\":\"wss://lk\",\"room\":\"r\",\"identity\":\"alice\","
					+ "\"name\":null,\"ttl_minutes\":60,\"expires_at\":\"2026-12-04T21:00:00Z\",\"mic_only\":true,"
					+ "\"agent_dispatched\":false,\"dispatch_id\":null,\"server_url\":\"wss://lk\","
					+ "\"participant_token\":\"" + JWT + "\"}");
	}

	@Test
	void writeWhenAStringNeedsEscapingOrIsNotUnicodeThenLeftToJackson() {
		for (String name : new String[] { "Bob \"B\"", "back\\slash", "tab\there", "new\nline", "\u0000",
				"lone \ud83c", "\udf89 low first", "end \ud83c" }) {
			assertThat(this.writer.writeUsual(answer(JWT, "bob", name, null, null))).as(name).isNull();
		}
		assertThat(this.writer.writeUsual(answer(JWT, "bob", null, new DispatchError("x", "said \"no\""), null)))
			.isNull();
		TokenResponse oddParticipantToken = new TokenResponse(JWT, "wss://lk", "r", "erin", null, 5,
				"2026-12-04T21:00:00Z", false, false, null, null, "wss://lk", "not \"a\" jwt");
		assertThat(this.writer.writeUsual(oddParticipantToken)).isNull();
	}

	@Test
	void sizeWhenUsualThenQuotedUtf8SizeElseNegative() {
		assertThat(TokenResponseWriter.size(null)).isEqualTo(4);
		assertThat(TokenResponseWriter.size("")).isEqualTo(2);
		for (String usual : new String[] { "abc", " ~\u007f", "\u00e9\u07ff", "\u0800\u6771\uffff",
				"\ud83c\udf89\ud83c\udf89", "a\u00e9\u6771\ud83c\udf89" }) {
			assertThat(TokenResponseWriter.size(usual)).as(usual)
				.isEqualTo(usual.getBytes(StandardCharsets.UTF_8).length + 2);
		}
		for (String unusual : new String[] { "\ud83c\ud83c\udf89", "\udf89", "a\ud83c", "\u001f", "\"", "\\" }) {
			assertThat(TokenResponseWriter.size(unusual)).as(unusual).isNegative();
		}
	}

	@Test
	void writeWhenSeveralValuesUnusualThenStillLeftToJackson() {
		// Every string unusual at once: the sizes' sum must not wrap around to a positive size.
		String odd = "\"";
		TokenResponse allOdd = new TokenResponse(odd, odd, odd, odd, odd, 5, odd, false, false, odd,
				new DispatchError(odd, odd), odd, odd + " ");
		assertThat(this.writer.writeUsual(allOdd)).isNull();
	}

	private static TokenResponse answer(String jwt, String identity, String name, DispatchError error,
			String dispatchId) {
		return new TokenResponse(jwt, "wss://lk", "r", identity, name, 60, "2026-12-04T21:00:00Z", error == null,
				dispatchId != null, dispatchId, error, "wss://lk", jwt);
	}

}
