package com.lesa.api.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.lesa.api.LesaApiApplication;

/**
 * The service as a separate JVM process, started the way an operator starts it: its own working directory, its own
 * environment variables, its own exit code. For what only a real process shows (.env files, exit codes, stderr).
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private final Thread reader;

	private ServiceProcess(Process process) {
		this.process = process;
		this.reader = new Thread(this::read, "service-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Starts the service in {@code workingDirectory} with exactly {@code environment} (plus PATH), tuned to start
	 * fast rather than to run fast.
	 */
	public static ServiceProcess start(Path workingDirectory, Map<String, String> environment) throws IOException {
		return start(workingDirectory, environment, List.of("-XX:TieredStopAtLevel=1"));
	}

	/** Starts the packaged jar ({@code java -jar}) with exactly {@code environment}. */
	public static ServiceProcess startJar(Path jar, Path workingDirectory, Map<String, String> environment)
			throws IOException {
		return startJar(jar, workingDirectory, environment, List.of());
	}

	/** Starts the packaged jar ({@code java <jvmOptions> -jar}) with exactly {@code environment}. */
	public static ServiceProcess startJar(Path jar, Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions) throws IOException {
		return startJar(ProcessHandle.current().info().command().orElse("java"), jar, workingDirectory, environment,
				jvmOptions);
	}

	/** Starts the packaged jar on the given {@code java} executable. */
	public static ServiceProcess startJar(String java, Path jar, Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		return launch(workingDirectory, environment, command);
	}

	/** Starts the service with the given JVM options, in {@code workingDirectory} with exactly {@code environment}. */
	public static ServiceProcess start(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions)
			throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", absoluteClassPath(), LesaApiApplication.class.getName()));
		return launch(workingDirectory, environment, command);
	}

	private static ServiceProcess launch(Path workingDirectory, Map<String, String> environment, List<String> command)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		String path = env.get("PATH");
		env.clear();
		env.put("PATH", (path != null) ? path : "/usr/bin:/bin");
		env.putAll(environment);
		return new ServiceProcess(builder.start());
	}

	/** This JVM's class path with every entry absolute, since the service runs in another directory. */
	private static String absoluteClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				this.output.append(line).append('\n');
				Matcher started = STARTED.matcher(line);
				if (started.find()) {
					this.port.complete(Integer.parseInt(started.group(1)));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			this.output.append("[output reader stopped: ").append(ex).append("]\n");
		}
		finally {
			this.port.completeExceptionally(new IllegalStateException("service stopped before it started:\n" + this.output));
		}
	}

	/** Waits until the service listens and returns its port. */
	public int awaitPort(Duration timeout) throws Exception {
		return this.port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The management server's port: the second Tomcat to start, once the service listens. */
	public int managementPort() {
		Matcher started = STARTED.matcher(output());
		if (!started.find() || !started.find()) {
			throw new IllegalStateException("no management server started:\n" + output());
		}
		return Integer.parseInt(started.group(1));
	}

	/** Waits for the process to end by itself and returns its exit code. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("service still running after " + timeout + ":\n" + this.output);
		}
		// Everything the process wrote before it ended is read before anyone looks at the output.
		this.reader.join(TimeUnit.SECONDS.toMillis(10));
		return this.process.exitValue();
	}

	/** Sends SIGTERM, as Kubernetes does, and returns the exit code. */
	public int stop(Duration timeout) throws InterruptedException {
		terminate();
		return awaitExit(timeout);
	}

	/** Sends SIGTERM and returns at once; unlike {@link Process#destroy()}, it keeps reading what the process says. */
	public void terminate() {
		this.process.toHandle().destroy();
	}

	public long pid() {
		return this.process.pid();
	}

	public String output() {
		return this.output.toString();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
