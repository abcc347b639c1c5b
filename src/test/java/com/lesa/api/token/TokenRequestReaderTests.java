package com.lesa.api.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokenRequestReader} takes the usual token bodies and answers them exactly as data binding does, with the
 * service's own mapper (the one Spring MVC reads bodies with); every other body it leaves to data binding.
 */
@ServiceTest
class TokenRequestReaderTests {

	@Autowired
	private RequestMappingHandlerAdapter adapter;

	@Autowired
	private TokenRequestReader reader;

	private ObjectReader binding;

	@BeforeEach
	void serviceMapper() {
		this.binding = this.adapter.getMessageConverters()
			.stream()
			.filter(JacksonJsonHttpMessageConverter.class::isInstance)
			.map((converter) -> ((JacksonJsonHttpMessageConverter) converter).getMapper().readerFor(TokenRequest.class))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void takesTheUsualBodiesAndAnswersAsDataBinding() {
		List<String> usual = new ArrayList<>(List.of("{}", " { } \n",
				"{\"room\":\"bench-room\",\"identity\":\"bench-user\",\"name\":\"Bench\",\"mic_only\":true,"
						+ "\"metadata\":\"{\\\"plan\\\":\\\"pro\\\"}\"}",
				"{\"room\":\"r\",\"identity\":\"a\",\"ttl_minutes\":60,\"dispatch_agent\":false}",
				"{\"room_name\":\"r\",\"participant_identity\":\"a\",\"participant_name\":\"A\","
						+ "\"participant_metadata\":\"m\"}",
				"{\"room\":null,\"identity\":null,\"name\":null,\"ttl_minutes\":null,\"mic_only\":null,"
						+ "\"dispatch_agent\":null,\"metadata\":null}",
				"{\"room\":\"caf\\u00e9 \\\"\\\\/\\n\",\"identity\":\"\u00e9\u4e2d\ud83d\ude00\",\"name\":\"\"}",
				"{\"ttl_minutes\":2147483647}", "{\"ttl_minutes\":-2147483648}", "{\"ttl_minutes\":-0}",
				"{\"ttl_minutes\":0}", "{\"room\":\"r\",\"room_name\":\"r\"}"));
		Random random = new Random(8);
		for (int i = 0; i < 300; i++) {
			usual.add(randomUsualBody(random));
		}
		for (String body : usual) {
			TokenRequest read = this.reader.readUsual(parser(body));

			assertThat(read).as(body).isNotNull().isEqualTo(bind(body));
		}
	}

	@Test
	void leavesEveryOtherBodyToDataBinding() {
		String[] unusual = { "", "null", "[]", "\"text\"", "5", "{", "{\"room\":\"r\"", "{\"room\":\"r\"} trailing",
				"{\"room\":\"r\"}{}", "{\"room\":\"r\",\"room\":\"s\"}", "{\"room\":null,\"room\":\"s\"}",
				"{\"mic_only\":true,\"mic_only\":true}", "{\"room\":5}", "{\"room\":true}", "{\"room\":[\"r\"]}",
				"{\"room\":{\"a\":1}}", "{\"ttl_minutes\":\"60\"}", "{\"ttl_minutes\":60.0}", "{\"ttl_minutes\":1.5}",
				"{\"ttl_minutes\":1e2}", "{\"ttl_minutes\":2147483648}", "{\"ttl_minutes\":-2147483649}",
				"{\"ttl_minutes\":99999999999999999999}", "{\"ttl_minutes\":true}", "{\"mic_only\":\"true\"}",
				"{\"mic_only\":1}", "{\"mic_only\":0}", "{\"dispatch_agent\":\"yes\"}", "{\"unknown_field\":1}",
				"{\"Room\":\"r\"}", "{\"ttlMinutes\":5}", "{\"micOnly\":true}", "{\"attributes\":{\"k\":\"v\"}}",
				"{\"participant_attributes\":{}}", "{\"room_config\":{\"agents\":[]}}", "{\"roomName\":\"r\"}",
				"{\"room\":\"r\",}", "{'room':'r'}", "{room:\"r\"}", "{\"room\":\"r\" /* c */}" };
		for (String body : unusual) {
			assertThat(readUsualOrNull(body)).as(body).isNull();
		}
	}

	@Test
	void answersMutatedBodiesItTakesAsDataBindingDoes() {
		Random random = new Random(80);
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			bodies.add(mutate(randomUsualBody(random), random));
		}
		int taken = 0;
		for (String body : bodies) {
			TokenRequest usual = readUsualOrNull(body);
			if (usual != null) {
				taken++;
				assertThat(usual).as(body).isEqualTo(bind(body));
			}
		}
		// The mutations keep some bodies usual and make others not: both sides are exercised.
		assertThat(taken).isBetween(50, 450);
	}

	private TokenRequest readUsualOrNull(String body) {
		try {
			return this.reader.readUsual(parser(body));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private JsonParser parser(String body) {
		return this.binding.createParser(body.getBytes(StandardCharsets.UTF_8));
	}

	private TokenRequest bind(String body) {
		return this.binding.readValue(body.getBytes(StandardCharsets.UTF_8));
	}

	private static final String[] STRING_FIELDS = { "room", "identity", "name", "metadata", "room_name",
			"participant_identity", "participant_name", "participant_metadata" };

	private static final String[] STRINGS = { "\"r\"", "\"\"", "null", "\"support-42\"", "\"caf\\u00e9\"",
			"\"\u00e9\u4e2d\ud83d\ude00\"", "\"tab\\there\"", "\"{\\\"plan\\\":\\\"pro\\\"}\"", "\"a\\/b\\\\c\"" };

	private static final String[] NUMBERS = { "1", "60", "1440", "0", "-5", "null", "2147483647", "-2147483648",
			"123456789" };

	private static final String[] BOOLEANS = { "true", "false", "null" };

	/** Any subset of the usual fields, in any order, each once, with usual values and whitespace. */
	private static String randomUsualBody(Random random) {
		List<String> fields = new ArrayList<>();
		for (String field : STRING_FIELDS) {
			if (random.nextBoolean()) {
				fields.add("\"" + field + "\":" + pick(STRINGS, random));
			}
		}
		if (random.nextBoolean()) {
			fields.add("\"ttl_minutes\":" + pick(NUMBERS, random));
		}
		if (random.nextBoolean()) {
			fields.add("\"mic_only\":" + pick(BOOLEANS, random));
		}
		if (random.nextBoolean()) {
			fields.add("\"dispatch_agent\":" + pick(BOOLEANS, random));
		}
		Collections.shuffle(fields, random);
		String space = random.nextBoolean() ? " " : "";
		return "{" + space + String.join("," + space, fields) + space + "}";
	}

	private static final String[] MUTATIONS = { "\"ttl_minutes\":\"60\"", "\"ttl_minutes\":6.0",
			"\"ttl_minutes\":3000000000", "\"mic_only\":1", "\"mic_only\":\"false\"", "\"room\":7", "\"name\":[]",
			"\"identity\":{}", "\"extra\":{\"a\":[1,2]}", "\"attributes\":{\"k\":\"v\"}", "\"attributes\":{\"k\":1}",
			"\"room_config\":{\"agents\":[{\"agent_name\":\"py-agent\"}]}", "\"participant_attributes\":null",
			"\"room\":\"dup\"", "\"ttl_minutes\":5" };

	/** Half the time, one more field that is unusual, or repeats one the body may already have; or broken JSON. */
	private static String mutate(String body, Random random) {
		if (random.nextInt(10) == 0) {
			return body.substring(0, random.nextInt(body.length()));
		}
		if (random.nextBoolean()) {
			return body;
		}
		String extra = pick(MUTATIONS, random);
		return body.equals("{}") ? "{" + extra + "}" : "{" + extra + "," + body.substring(1);
	}

	private static String pick(String[] values, Random random) {
		return values[random.nextInt(values.length)];
	}

}
