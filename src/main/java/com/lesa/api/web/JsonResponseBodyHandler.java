package com.lesa.api.web;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Writes the {@code @ResponseBody} records that have a {@link UsualJsonWriter} straight to the response, skipping
 * Spring MVC's general machinery (handler selection over the whole list, content negotiation, the converter and
 * advice walk, Jackson's writer set-up: ~9% of a token request). It takes only answers where that machinery could
 * only choose {@code application/json}: the mapping {@code produces} exactly that (so it has already refused an
 * {@code Accept} that excludes it), no {@code Accept} range carries a parameter other than its quality (Spring would
 * copy one such as {@code charset} into the content type), and nothing has set a content type yet. Everything else,
 * and every value the writer leaves, goes to Spring's own {@code @ResponseBody} processor. It runs no
 * {@code ResponseBodyAdvice}: this service has none ({@code JsonResponseBodyIntegrationTests}).
 */
final class JsonResponseBodyHandler implements HandlerMethodReturnValueHandler {

	private static final Set<MediaType> JSON_ONLY = Set.of(MediaType.APPLICATION_JSON);

	private final Map<Class<?>, UsualJsonWriter<?>> writers;

	private final HandlerMethodReturnValueHandler standard;

	private JsonResponseBodyHandler(List<UsualJsonWriter<?>> writers, HandlerMethodReturnValueHandler standard) {
		this.writers = writers.stream()
			.collect(Collectors.toUnmodifiableMap(UsualJsonWriter::type, Function.identity()));
		this.standard = standard;
	}

	/** Puts the handler first in the adapter's list, before Spring's general {@code @ResponseBody} processor. */
	static void install(RequestMappingHandlerAdapter adapter, List<UsualJsonWriter<?>> writers) {
		List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
		HandlerMethodReturnValueHandler standard = handlers.stream()
			.filter(RequestResponseBodyMethodProcessor.class::isInstance)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Spring MVC has no @ResponseBody processor to build on"));
		handlers.add(0, new JsonResponseBodyHandler(writers, standard));
		adapter.setReturnValueHandlers(handlers);
	}

	/** The records written in their usual shape by their own writer. */
	Set<Class<?>> usualTypes() {
		return this.writers.keySet();
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return this.writers.containsKey(returnType.getParameterType()) && this.standard.supportsReturnType(returnType);
	}

	@Override
	public void handleReturnValue(Object value, MethodParameter returnType, ModelAndViewContainer container,
			NativeWebRequest webRequest) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		byte[] json = (value != null && request != null && response != null && onlyJsonCanBeChosen(request, response))
				? write(value) : null;
		if (json == null) {
			this.standard.handleReturnValue(value, returnType, container, webRequest);
			return;
		}
		container.setRequestHandled(true);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		// No Content-Length here: Tomcat would commit the answer as the last declared byte is written, before the
		// filters finish; it sets the length itself at the end (WholeResponseFilter), as for Spring's converters.
		response.getOutputStream().write(json);
	}

	@SuppressWarnings("unchecked")
	private <T extends Record> byte[] write(Object value) {
		UsualJsonWriter<T> writer = (UsualJsonWriter<T>) this.writers.get(value.getClass());
		return (writer != null) ? writer.writeUsual((T) value) : null;
	}

	static boolean onlyJsonCanBeChosen(HttpServletRequest request, HttpServletResponse response) {
		if (response.getContentType() != null
				|| !JSON_ONLY.equals(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE))) {
			return false;
		}
		Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
		while (accepts.hasMoreElements()) {
			if (!onlyQualityParameters(accepts.nextElement())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether every parameter in an {@code Accept} value is a quality, which Spring drops from the content type it
	 * chooses; it drops only a lower-case {@code q=} (it echoes {@code Q=0.5}).
	 */
	static boolean onlyQualityParameters(String accept) {
		for (int i = accept.indexOf(';'); i >= 0; i = accept.indexOf(';', i + 1)) {
			int name = i + 1;
			while (name < accept.length() && accept.charAt(name) == ' ') {
				name++;
			}
			if (!accept.startsWith("q=", name)) {
				return false;
			}
		}
		return true;
	}

}
