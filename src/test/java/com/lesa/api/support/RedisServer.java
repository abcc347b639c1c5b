package com.lesa.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code redis-server} (Debian's package, which {@code .ci/run} installs) on a free loopback port, with no
 * persistence, in its own temporary directory. It can be stopped and started again on the same port, as an outage
 * and a recovery look to a client. A missing {@code redis-server} fails the test that needs it: it is never skipped.
 */
public final class RedisServer implements AutoCloseable, AfterAllCallback {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private final int port;

	private final Path directory;

	private final String password;

	private Process process;

	private RedisServer(int port, Path directory, String password) {
		this.port = port;
		this.directory = directory;
		this.password = password;
	}

	public static RedisServer start() {
		return start(null);
	}

	/** A server that requires {@code password} ({@code requirepass}), or none when it is null. */
	public static RedisServer start(String password) {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
			}
			RedisServer server = new RedisServer(port, Files.createTempDirectory("lesa-redis"), password);
			server.startAgain();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start redis-server (is Debian's redis-server installed?)", ex);
		}
	}

	public String url() {
		String credentials = (this.password != null) ? ":" + this.password + "@" : "";
		return "redis://" + credentials + "127.0.0.1:" + this.port + "/0";
	}

	public int port() {
		return this.port;
	}

	/** Starts the server (again) on its port and waits until it answers PING. */
	public synchronized void startAgain() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()));
		if (this.password != null) {
			command.addAll(List.of("--requirepass", this.password));
		}
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start redis-server (is Debian's redis-server installed?)", ex);
		}
		Process started = this.process;
		await().atMost(STARTUP)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !started.isAlive() || "+PONG".equals(command("PING")));
		if (!started.isAlive()) {
			throw new IllegalStateException("redis-server did not start: " + log());
		}
	}

	/** Stops the server at once, as a crash does (its data is gone: nothing is persisted). */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/** Freezes the server (SIGSTOP): connections stay open but nothing is answered, as with a hung Redis. */
	public void freeze() {
		signal("STOP");
	}

	/** Lets a frozen server go on (SIGCONT). */
	public void thaw() {
		signal("CONT");
	}

	private synchronized void signal(String name) {
		try {
			int exit = new ProcessBuilder("kill", "-" + name, Long.toString(this.process.pid())).start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + name + " failed: " + exit);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends one inline command (words without spaces) and answers the first reply line, or null when nothing
	 * answers. Enough for a test to look at keys without a second Redis client library.
	 */
	public String command(String inline) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			if (this.password != null) {
				out.write(("AUTH " + this.password + "\r\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
				reply(in);
			}
			out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			return reply(in);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** The string stored at {@code key}, or null when there is none. */
	public String get(String key) {
		String reply = command("GET " + key);
		return (reply == null || reply.equals("$-1")) ? null : reply;
	}

	private static String reply(InputStream in) throws IOException {
		String first = line(in);
		if (first.startsWith("$") && !first.equals("$-1")) {
			return line(in);
		}
		return first;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private String log() {
		try {
			return Files.readString(this.directory.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}


	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		stop();
	}

}
