package com.lesa.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Reads this service's request records from plain UTF-8 JSON with Spring MVC's own mapper, skipping the general
 * {@code @RequestBody} machinery (header copy, media-type parsing, converter and advice walk, data binder: ~5% of a
 * token request); other bodies go the standard way, and failures are thrown as Spring's converter throws them.
 */
final class JsonRequestBodyResolver implements HandlerMethodArgumentResolver {

	private final ClassValue<ObjectReader> readers;

	private final HandlerMethodArgumentResolver standard;

	private JsonRequestBodyResolver(JsonMapper json, HandlerMethodArgumentResolver standard) {
		this.readers = new ClassValue<>() {

			@Override
			protected ObjectReader computeValue(Class<?> type) {
				return json.readerFor(type);
			}

		};
		this.standard = standard;
	}

	/** Puts the resolver first in the adapter's list, before Spring's general {@code @RequestBody} processor. */
	static void install(RequestMappingHandlerAdapter adapter) {
		JsonMapper json = null;
		for (HttpMessageConverter<?> converter : adapter.getMessageConverters()) {
			if (converter instanceof JacksonJsonHttpMessageConverter jackson) {
				json = jackson.getMapper();
				break;
			}
		}
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(adapter.getArgumentResolvers());
		HandlerMethodArgumentResolver standard = resolvers.stream()
			.filter(RequestResponseBodyMethodProcessor.class::isInstance)
			.findFirst()
			.orElse(null);
		if (json == null || standard == null) {
			throw new IllegalStateException("Spring MVC has no JSON converter or @RequestBody processor to build on");
		}
		resolvers.add(0, new JsonRequestBodyResolver(json, standard));
		adapter.setArgumentResolvers(resolvers);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()
				&& type.getPackageName().startsWith("com.lesa.api");
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binders) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request == null || !isUtf8Json(request.getContentType())) {
			return this.standard.resolveArgument(parameter, container, webRequest, binders);
		}
		Object value;
		try {
			value = this.readers.get(parameter.getParameterType()).readValue(request.getInputStream());
		}
		catch (InvalidDefinitionException ex) {
			throw new HttpMessageConversionException("Type definition error: " + ex.getType(), ex);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex,
					new ServletServerHttpRequest(request));
		}
		if (value == null) {
			throw new HttpMessageNotReadableException(
					"Required request body is missing: " + parameter.getExecutable().toGenericString(),
					new ServletServerHttpRequest(request));
		}
		return value;
	}

	/** {@code application/json}, with no charset or UTF-8: what Jackson reads from bytes as they are. */
	static boolean isUtf8Json(String contentType) {
		if (contentType == null) {
			return false;
		}
		if (contentType.equalsIgnoreCase("application/json")) {
			return true;
		}
		String compact = contentType.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
		return compact.equals("application/json;charset=utf-8");
	}

}
