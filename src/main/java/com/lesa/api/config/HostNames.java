package com.lesa.api.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The syntax of host names in {@code Host} headers and in {@code TRUSTED_HOSTS} patterns: DNS-style names (letters,
 * digits, hyphens, underscores, dots), IPv4 addresses, bracketed IPv6 literals; patterns add {@code *} and
 * {@code *.domain}.
 */
public final class HostNames {

	private static final Pattern NAME = Pattern
		.compile("(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

	private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}(%[a-z0-9_.-]+)?]");

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

	private HostNames() {
	}

	/**
	 * The host of a {@code Host} header, lower-cased, without its port and one trailing dot; null when the header is
	 * missing or not of valid syntax.
	 */
	public static String hostOf(String header) {
		if (header == null) {
			return null;
		}
		String value = header.trim().toLowerCase(Locale.ROOT);
		String host = value;
		int colon = value.lastIndexOf(':');
		if (colon >= 0 && value.indexOf(']', colon) < 0) {
			String port = value.substring(colon + 1);
			if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
				return null;
			}
			host = value.substring(0, colon);
		}
		if (host.endsWith(".") && !host.endsWith("..")) {
			host = host.substring(0, host.length() - 1);
		}
		return (isName(host) || IPV6.matcher(host).matches()) ? host : null;
	}

	/** Whether {@code pattern} is {@code *}, {@code *.domain}, a host name, an IPv4 address or a bracketed IPv6. */
	public static boolean isValidPattern(String pattern) {
		String value = pattern.trim().toLowerCase(Locale.ROOT);
		if (value.equals("*")) {
			return true;
		}
		if (value.startsWith("*.")) {
			return isName(value.substring(2));
		}
		return isName(value) || IPV6.matcher(value).matches();
	}

	/** Whether a normalized host matches a valid pattern; {@code *.example.com} does not match the apex. */
	public static boolean matches(String host, String pattern) {
		String value = pattern.trim().toLowerCase(Locale.ROOT);
		if (value.endsWith(".")) {
			value = value.substring(0, value.length() - 1);
		}
		if (value.equals("*")) {
			return true;
		}
		if (value.startsWith("*.")) {
			return host.endsWith(value.substring(1)) && host.length() > value.length() - 1;
		}
		return host.equals(value);
	}

	private static boolean isName(String host) {
		return NAME.matcher(host).matches();
	}

}
