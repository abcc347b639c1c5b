package com.lesa.api.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The syntax of host names in {@code Host} headers and in {@code TRUSTED_HOSTS} patterns: DNS-style names (letters,
 * digits, hyphens, underscores, dots), IPv4 addresses, bracketed IPv6 literals; patterns add {@code *} and
 * {@code *.domain}.
 */
public final class HostNames {

	private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}(%[a-z0-9_.-]+)?]");

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
			if (!isPort(value, colon + 1)) {
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

	/**
	 * Whether {@code host} is 1 to 253 characters of dot-separated labels, each 1 to 63 of {@code [a-z0-9_-]}, not
	 * starting or ending with a hyphen. Checked by hand, not by a regular expression: every request's {@code Host}
	 * header goes through it ({@code TrustedHostFilter}), and the expression was 3% of a request's CPU samples.
	 */
	private static boolean isName(String host) {
		int length = host.length();
		if (length < 1 || length > 253) {
			return false;
		}
		int label = 0;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? host.charAt(i) : '.';
			if (c == '.') {
				if (i - label < 1 || i - label > 63 || host.charAt(label) == '-' || host.charAt(i - 1) == '-') {
					return false;
				}
				label = i + 1;
			}
			else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/** Whether {@code value} from {@code start} on is a port: 1 to 5 digits, at most 65535. */
	private static boolean isPort(String value, int start) {
		int length = value.length() - start;
		if (length < 1 || length > 5) {
			return false;
		}
		int port = 0;
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			port = port * 10 + (c - '0');
		}
		return port <= 65535;
	}

}
