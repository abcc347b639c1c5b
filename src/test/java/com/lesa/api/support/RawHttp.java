package com.lesa.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends exactly the bytes a test writes, for what a well-behaved client cannot send: a missing or malformed Host,
 * several Host headers, control characters in headers. Always asks the server to close the connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends {@code head} (request line and headers, CRLF-separated, no final blank line) and {@code body}. */
	public static Answer send(int port, String head, String body) {
		return send(port, head, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends {@code head} (ISO-8859-1, CRLF-separated, no final blank line) and exactly the bytes of {@code payload}. */
	public static Answer send(int port, String head, byte[] payload) {
		return exchange(port, head + ((payload.length > 0) ? "\r\nContent-Length: " + payload.length : ""), payload);
	}

	/** Like {@link #send(int, String, byte[])}, but {@code head} alone says how the payload is framed. */
	public static Answer sendFramedByHead(int port, String head, byte[] payload) {
		return exchange(port, head, payload);
	}

	/**
	 * Like {@link #sendFramedByHead(int, String, byte[])}, then ends the sending side of the connection, as a client
	 * that stops before the body its head declares is complete.
	 */
	public static Answer sendThenStop(int port, String head, byte[] payload) {
		return exchange(port, head, payload, true);
	}

	private static Answer exchange(int port, String head, byte[] payload) {
		return exchange(port, head, payload, false);
	}

	private static Answer exchange(int port, String head, byte[] payload, boolean stop) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			String request = head + "\r\nConnection: close\r\n\r\n";
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request.getBytes(StandardCharsets.ISO_8859_1));
				out.write(payload);
				out.flush();
				if (stop) {
					socket.shutdownOutput();
				}
			}
			catch (IOException ex) {
				// The server may answer and close before reading all we send (a refused header, say): read its answer.
			}
			try {
				return parse(readAll(socket.getInputStream()));
			}
			catch (java.net.SocketException ex) {
				return new Answer(0, Map.of(), "");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Answer get(int port, String path, String... headerLines) {
		return send(port, "GET " + path + " HTTP/1.1" + (headerLines.length > 0 ? "\r\n" : "")
				+ String.join("\r\n", headerLines), "");
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		return all.toByteArray();
	}

	private static Answer parse(byte[] raw) {
		if (raw.length == 0) {
			return new Answer(0, Map.of(), "");
		}
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, (end >= 0) ? end : text.length()).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		String body = (end >= 0) ? new String(raw, StandardCharsets.UTF_8).substring(end + 4) : "";
		return new Answer(status, headers, body);
	}

	/**
	 * What the server answered.
	 *
	 * @param status the status code
	 * @param headers the headers, names lower-cased, first value of each
	 * @param body the body as sent (chunked bodies keep their chunk lines)
	 */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
