package com.lesa.api.support;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;

import static org.awaitility.Awaitility.await;

/**
 * The service logs through an asynchronous appender: a line logged on a request thread reaches stdout a moment later.
 * Before a test looks at captured output (and above all before it checks that something was <em>not</em> logged), it
 * logs a marker and waits until the marker is out: the appender's queue is first in, first out, so everything logged
 * before the marker is out too.
 */
public final class Logs {

	private Logs() {
	}

	/** Everything written to stdout and stderr so far, once every earlier log event has been written. */
	public static String flushed(CapturedOutput output) {
		barrier(output);
		return output.getAll();
	}

	/** Everything written to stdout so far, once every earlier log event has been written. */
	public static String flushedOut(CapturedOutput output) {
		barrier(output);
		return output.getOut();
	}

	/**
	 * Where the captured output ends once everything logged so far is out: a test takes a mark before it acts and
	 * looks only at {@link #since} it, so a line a previous test logged late is never taken for its own.
	 */
	public static int mark(CapturedOutput output) {
		return flushed(output).length();
	}

	/** What was logged after {@code mark}, once every log event so far has been written. */
	public static String since(CapturedOutput output, int mark) {
		return flushed(output).substring(mark);
	}

	private static void barrier(CapturedOutput output) {
		String marker = "log-barrier-" + UUID.randomUUID();
		LoggerFactory.getLogger(Logs.class).warn(marker);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> output.getAll().contains(marker));
	}

}
