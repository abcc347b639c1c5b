package com.lesa.api.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
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
 * token request); other bodies go the standard way, and failures are thrown as Spring's converter throws them. A
 * record with a {@link UsualJsonReader} whose body declares a length up to 16 KB is first read by it from the body's
 * bytes; when that reader does not take the body, data binding reads the same bytes.
 */
final class JsonRequestBodyResolver implements HandlerMethodArgumentResolver {

	/** Bodies up to this size with a usual reader are read whole first (a token request's is ~100-500 bytes). */
	private static final int USUAL_BODY_BYTES = 16 * 1024;

	private final ClassValue<ObjectReader> readers;

	private final HandlerMethodArgumentResolver standard;

	private final Map<Class<?>, UsualJsonReader<?>> usualReaders;

	private JsonRequestBodyResolver(JsonMapper json, HandlerMethodArgumentResolver standard,
			List<UsualJsonReader<?>> usualReaders) {
		this.readers = new ClassValue<>() {

			@Override
			protected ObjectReader computeValue(Class<?> type) {
				return json.readerFor(type);
			}

		};
		this.standard = standard;
		this.usualReaders = usualReaders.stream()
			.collect(Collectors.toUnmodifiableMap(UsualJsonReader::type, Function.identity()));
	}

	/** Puts the resolver first in the adapter's list, before Spring's general {@code @RequestBody} processor. */
	static void install(RequestMappingHandlerAdapter adapter, List<UsualJsonReader<?>> usualReaders) {
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
		resolvers.add(0, new JsonRequestBodyResolver(json, standard, usualReaders));
		adapter.setArgumentResolvers(resolvers);
	}

	/** The records read in their usual shape by their own reader first. */
	Set<Class<?>> usualTypes() {
		return this.usualReaders.keySet();
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
		Class<?> type = parameter.getParameterType();
		UsualJsonReader<?> usual = this.usualReaders.get(type);
		Object value;
		try {
			long length = request.getContentLengthLong();
			if (usual != null && length >= 0 && length <= USUAL_BODY_BYTES) {
				byte[] body = readBody(request, (int) length);
				value = readUsual(usual, body);
				if (value == null) {
					value = this.readers.get(type).readValue(body);
				}
			}
			else {
				value = this.readers.get(type).readValue(request.getInputStream());
			}
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

	/**
	 * The whole body, whose length the request declares: the container delivers at most that. When the client stops
	 * early, Tomcat fails the read, which is thrown as Spring's converter throws an I/O failure (the same answer as
	 * the streaming path, {@code JsonRequestBodyIntegrationTests}); a container that reported the end instead would
	 * get the bytes that came, which fail to parse as a truncated body does.
	 */
	private static byte[] readBody(HttpServletRequest request, int length) {
		try {
			byte[] body = new byte[length];
			int read = request.getInputStream().readNBytes(body, 0, length);
			return (read == length) ? body : Arrays.copyOf(body, read);
		}
		catch (IOException ex) {
			throw new HttpMessageNotReadableException("I/O error while reading input message", ex,
					new ServletServerHttpRequest(request));
		}
	}

	/** What the usual reader makes of the body; {@code null} when it does not take it, or fails on it. */
	private Object readUsual(UsualJsonReader<?> usual, byte[] body) {
		try (JsonParser json = this.readers.get(usual.type()).createParser(body)) {
			return usual.readUsual(json);
		}
		catch (JacksonException ex) {
			return null;
		}
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
