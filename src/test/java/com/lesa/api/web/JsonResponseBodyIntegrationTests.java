package com.lesa.api.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.HttpTestClient.Response;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token answers are written by {@link JsonResponseBodyHandler} when Spring MVC could only choose
 * {@code application/json}, and by Spring's own processor otherwise; both write the same answer, with the content
 * type Spring's content negotiation chooses.
 */
@ServiceTest
class JsonResponseBodyIntegrationTests {

	private static final String TOKEN_BODY = "{\"room\":\"r1\",\"identity\":\"alice\",\"name\":\"Alice\"}";

	@Autowired
	private HttpTestClient http;

	@Autowired
	private RequestMappingHandlerAdapter adapter;

	@Autowired
	private ApplicationContext context;

	@Test
	void handlerIsFirstSoTokenAnswersTakeIt() {
		assertThat(this.adapter.getReturnValueHandlers().get(0)).isInstanceOf(JsonResponseBodyHandler.class);
		assertThat(((JsonResponseBodyHandler) this.adapter.getReturnValueHandlers().get(0)).usualTypes())
			.extracting(Class::getName)
			.containsExactly("com.lesa.api.token.TokenResponse");
	}

	/** The handler runs no ResponseBodyAdvice, so one added to the service would be skipped on its path. */
	@Test
	void serviceHasNoResponseBodyAdviceTheHandlerWouldSkip() {
		assertThat(ControllerAdviceBean.findAnnotatedBeans(this.context)).isNotEmpty()
			.extracting(ControllerAdviceBean::getBeanType)
			.noneMatch(ResponseBodyAdvice.class::isAssignableFrom);
	}

	/** The content types Spring MVC's converters chose for these before the handler (measured on the service). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none", value = { "none | application/json",
			"*/* | application/json", "application/json | application/json", "application/*+json | application/json",
			"'application/json, text/plain, */*' | application/json", "application/json;q=0.5 | application/json",
			"'application/json, */*;q=0.8' | application/json",
			"application/json;charset=UTF-8 | application/json;charset=UTF-8",
			"application/json;level=1 | application/json;level=1", "application/json;Q=0.5 | application/json;Q=0.5",
			"'*/*;q=0.1, application/json;charset=utf-8' | application/json;charset=utf-8" })
	void tokenAnswerCarriesTheContentTypeSpringNegotiates(String accept, String contentType) {
		Response answer = token(accept, TOKEN_BODY);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).isEqualTo(contentType);
		assertThat(answer.header("Content-Length"))
			.isEqualTo(Integer.toString(answer.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(answer.json().path("identity").asString()).isEqualTo("alice");
	}

	@Test
	void acceptThatExcludesJsonStillRefusedWith406() {
		Response answer = token("text/html", TOKEN_BODY);

		assertThat(answer.status()).isEqualTo(406);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void handlerAndSpringsProcessorWriteTheSameAnswer() {
		for (String body : new String[] { TOKEN_BODY, "{\"room\":\"r1\",\"identity\":\"bob\",\"mic_only\":true}",
				"{\"room\":\"caf\u00e9\",\"identity\":\"carol\",\"name\":\"Carol \ud83c\udf89\",\"ttl_minutes\":5}" }) {
			Response fast = token("application/json", body);
			Response standard = token("application/json;level=1", body);

			assertThat(fast.status()).isEqualTo(standard.status()).isEqualTo(200);
			assertThat(fast.header("Content-Length")).isEqualTo(standard.header("Content-Length"));
			assertThat(withoutTimeDependentFields(fast.json())).isEqualTo(withoutTimeDependentFields(standard.json()));
			assertThat(fieldNames(fast.json())).isEqualTo(fieldNames(standard.json()));
		}
	}

	@Test
	void nameTheWriterLeavesIsWrittenByJackson() {
		Response answer = token(null, "{\"room\":\"r1\",\"identity\":\"bob\",\"name\":\"Bob \\\"B\\\" \\\\ O'Neil\"}");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).isEqualTo("application/json");
		assertThat(answer.json().path("name").asString()).isEqualTo("Bob \"B\" \\ O'Neil");
	}

	@Test
	void onlyJsonCanBeChosenWhenTheMappingProducesOnlyJsonAndAcceptHasOnlyQualities() {
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(request(null), new MockHttpServletResponse()))
			.isTrue();
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(request("application/json; q=1, */*;q=0.1"),
				new MockHttpServletResponse()))
			.isTrue();
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(request("application/json;charset=utf-8"),
				new MockHttpServletResponse()))
			.isFalse();
		MockHttpServletRequest twoHeaders = request("*/*");
		twoHeaders.addHeader("Accept", "application/json;level=1");
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(twoHeaders, new MockHttpServletResponse())).isFalse();
		MockHttpServletResponse typed = new MockHttpServletResponse();
		typed.setContentType("text/plain");
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(request(null), typed)).isFalse();
		MockHttpServletRequest anyType = new MockHttpServletRequest("POST", "/api/v1/auth/token");
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(anyType, new MockHttpServletResponse())).isFalse();
		anyType.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE,
				Set.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML));
		assertThat(JsonResponseBodyHandler.onlyJsonCanBeChosen(anyType, new MockHttpServletResponse())).isFalse();
	}

	@Test
	void onlyQualityParametersWhenEveryParameterIsALowerCaseQ() {
		assertThat(JsonResponseBodyHandler.onlyQualityParameters("application/json")).isTrue();
		assertThat(JsonResponseBodyHandler.onlyQualityParameters("application/json;q=0.5, */*;  q=0")).isTrue();
		assertThat(JsonResponseBodyHandler.onlyQualityParameters("application/json;Q=0.5")).isFalse();
		assertThat(JsonResponseBodyHandler.onlyQualityParameters("application/json;q=1;level=2")).isFalse();
		assertThat(JsonResponseBodyHandler.onlyQualityParameters("application/json;")).isFalse();
	}

	private static MockHttpServletRequest request(String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/token");
		request.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, Set.of(MediaType.APPLICATION_JSON));
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return request;
	}

	private Response token(String accept, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (accept != null) {
			request.header("Accept", accept);
		}
		return this.http.send(request);
	}

	private static JsonNode withoutTimeDependentFields(JsonNode answer) {
		ObjectNode copy = ((ObjectNode) answer).deepCopy();
		copy.remove(List.of("token", "participant_token", "expires_at"));
		return copy;
	}

	private static List<String> fieldNames(JsonNode answer) {
		return answer.propertyNames().stream().toList();
	}

}
