package com.lesa.api.token;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.BeanSerializerFactory;

import com.lesa.api.token.TokenResponse.DispatchError;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written serializer writes exactly what Jackson's bean serializer makes of the annotated record. */
class TokenResponseSerializerTests {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Test
	void writesWhatTheAnnotationsDeclareWithAndWithoutOptionalFields() {
		TokenResponse plain = new TokenResponse("jwt", "wss://lk", "room \"1\"", "alice", null, 60,
				"2026-12-04T21:00:00Z", true, false, null, null, "wss://lk", "jwt");
		TokenResponse failed = new TokenResponse("jwt", "wss://lk", "r", "bob", "Bob \u00e9", 5, "2026-12-04T21:00:00Z",
				false, false, null, new DispatchError("livekit_unavailable", "LiveKit did not answer"), "wss://lk", "jwt");
		TokenResponse dispatched = new TokenResponse("jwt", "wss://lk", "r", "carol", "Carol", 5,
				"2026-12-04T21:00:00Z", false, true, "AD_1", null, "wss://lk", "jwt");

		// Not a JWT: written as an escaped string, not raw.
		TokenResponse odd = new TokenResponse("not \"a\" jwt", "wss://lk", "r", "dave", null, 5,
				"2026-12-04T21:00:00Z", false, false, null, null, "wss://lk", "eyJ.e30.sig");

		// The same token in another string instance: still written as it is, once checked.
		TokenResponse copied = new TokenResponse("eyJ.e30.sig", "wss://lk", "r", "erin", null, 5,
				"2026-12-04T21:00:00Z", false, false, null, null, "wss://lk", new String("eyJ.e30.sig"));

		for (TokenResponse response : new TokenResponse[] { plain, failed, dispatched, odd, copied }) {
			assertThat(JSON.writeValueAsString(response)).isEqualTo(beanSerialized(response));
		}
		assertThat(JSON.writeValueAsString(plain)).isEqualTo("{\"token\":\"jwt\",\"ws_url\":\"wss://lk\","
				+ "\"room\":\"room \\\"1\\\"\",\"identity\":\"alice\",\"name\":null,\"ttl_minutes\":60,"
				+ "\"expires_at\":\"2026-12-04T21:00:00Z\",\"mic_only\":true,\"agent_dispatched\":false,"
				+ "\"dispatch_id\":null,\"server_url\":\"wss://lk\",\"participant_token\":\"jwt\"}");
	}

	/** Jackson's own bean serialization of the record, ignoring the {@code @JsonSerialize} on it. */
	private static String beanSerialized(TokenResponse response) {
		ObjectMapper beans = JsonMapper.builder()
			.addMixIn(TokenResponse.class, WithoutCustomSerializer.class)
			.build();
		return beans.writeValueAsString(response);
	}

	@tools.jackson.databind.annotation.JsonSerialize
	private abstract static class WithoutCustomSerializer {
	}

}
