package com.lesa.api.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.status.Status;
import net.logstash.logback.encoder.StreamingEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BatchingConsoleAppenderTests {

	private final LoggerContext context = new LoggerContext();

	private final Logger logger = this.context.getLogger("test");

	private final Output output = new Output();

	private BatchingConsoleAppender appender;

	@AfterEach
	void release() {
		this.output.resume();
		if (this.appender != null) {
			this.appender.stop();
		}
	}

	@Test
	void writesEveryEventOnceAndInOrderFromManyThreads() throws InterruptedException {
		start(pattern("%msg%n"));
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			String name = "t" + t;
			threads.add(started("logger-" + t, () -> {
				for (int i = 0; i < 2000; i++) {
					log(name + "-" + i);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		this.appender.stop();
		List<String> lines = this.output.lines();
		assertThat(lines).hasSize(8000);
		for (int t = 0; t < 4; t++) {
			String prefix = "t" + t + "-";
			assertThat(lines.stream().filter((line) -> line.startsWith(prefix)))
				.containsExactlyElementsOf(IntStream.range(0, 2000).mapToObj((i) -> prefix + i).toList());
		}
	}

	@Test
	void writesALineSoonWithoutBeingStopped() {
		start(pattern("%msg%n"));
		log("first");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.output.lines().contains("first"));
		log("second");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.output.lines().contains("second"));
	}

	@Test
	void writesEverythingQueuedWhenStopped() {
		start(pattern("%msg%n"));
		for (int i = 0; i < 1000; i++) {
			log("event-" + i);
		}
		this.appender.stop();
		assertThat(this.output.lines()).hasSize(1000).startsWith("event-0").endsWith("event-999");
	}

	@Test
	void eventsLoggedWhileTheWriterIsBusyGoOutInOneWrite() throws InterruptedException {
		start(pattern("%msg%n"));
		holdTheWriterOn("alone");
		for (int i = 0; i < 100; i++) {
			log("together-" + i);
		}
		this.output.resume();
		this.appender.stop();
		assertThat(this.output.lines()).hasSize(101);
		assertThat(this.output.writes()).isEqualTo(2);
	}

	@Test
	void aFullQueueMakesTheCallerWaitAndNothingIsDropped() throws InterruptedException {
		start(pattern("%msg%n"));
		holdTheWriterOn("first");
		int more = BatchingConsoleAppender.CAPACITY + 1;
		Thread caller = started("caller", () -> {
			for (int i = 0; i < more; i++) {
				log("queued-" + i);
			}
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> caller.getState() == Thread.State.WAITING);
		assertThat(caller.isAlive()).isTrue();
		this.output.resume();
		caller.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(caller.isAlive()).isFalse();
		this.appender.stop();
		assertThat(this.output.lines()).hasSize(more + 1).doesNotHaveDuplicates();
	}

	@Test
	void readsTheLoggingContextWhenTheEventIsLoggedNotWhenItIsWritten() throws InterruptedException {
		start(pattern("%X{request_id} %thread %msg%n"));
		holdTheWriterOn("first");
		started("request-thread", () -> {
			MDC.put("request_id", "req-1");
			log("second");
			MDC.remove("request_id");
		}).join();
		this.output.resume();
		this.appender.stop();
		assertThat(this.output.lines()).contains("req-1 request-thread second");
	}

	@Test
	void anEventThatCannotBeEncodedIsLeftOutAndTheOthersAreWritten() throws InterruptedException {
		start(new HalfWritingEncoder());
		holdTheWriterOn("first");
		log("before");
		log("bad");
		log("after");
		this.output.resume();
		this.appender.stop();
		assertThat(this.output.lines()).containsExactly("first", "before", "after");
		assertThat(this.context.getStatusManager().getCopyOfStatusList())
			.anySatisfy((status) -> assertThat(status.getLevel()).isEqualTo(Status.ERROR));
	}

	@Test
	void aStopThatOutwaitsItsBoundWarnsAndReturnsAndTheWriterStillFinishes() throws InterruptedException {
		start(pattern("%msg%n"), 100);
		holdTheWriterOn("first");
		log("second");
		assertTimeoutPreemptively(Duration.ofSeconds(10), this.appender::stop);
		assertThat(this.output.lines()).isEmpty();
		assertThat(this.context.getStatusManager().getCopyOfStatusList()).anySatisfy((status) -> {
			assertThat(status.getLevel()).isEqualTo(Status.WARN);
			assertThat(status.getMessage()).contains("after 100 ms may not have been written");
		});
		this.output.resume();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.output.lines().equals(List.of("first", "second")));
	}

	@Test
	void keepsABatchBufferForTheNextBatch() {
		start(pattern("%msg%n"));
		logAndAwaitItsWrite("first");
		logAndAwaitItsWrite("second");
		assertThat(this.output.array(1)).isSameAs(this.output.array(0));
	}

	@Test
	void letsGoOfABatchBufferThatGrewPastWhatItKeeps() {
		start(pattern("%msg%n"));
		String large = "x".repeat(BatchingConsoleAppender.BUFFER_KEPT + 1);
		logAndAwaitItsWrite(large);
		logAndAwaitItsWrite("small");
		assertThat(this.output.array(0).length).isGreaterThan(BatchingConsoleAppender.BUFFER_KEPT);
		assertThat(this.output.array(1).length).isLessThanOrEqualTo(BatchingConsoleAppender.BUFFER_KEPT);
		assertThat(this.output.lines()).containsExactly(large, "small");
	}

	@Test
	void startsItsWriterThreadWithTheFirstEvent() {
		start(pattern("%msg%n"));
		assertThat(writerThreads()).isZero();
		log("first");
		assertThat(writerThreads()).isOne();
	}

	@Test
	void doesNotStartWithoutAnEncoder() {
		this.appender = new BatchingConsoleAppender(() -> this.output.stream, BatchingConsoleAppender.STOP_MILLIS);
		this.appender.setContext(this.context);
		this.appender.start();
		assertThat(this.appender.isStarted()).isFalse();
	}

	/** Logs {@code first} and holds the writer in its write until {@link Output#resume()}. */
	private void holdTheWriterOn(String first) throws InterruptedException {
		this.output.pause();
		log(first);
		this.output.awaitPaused();
	}

	private static Thread started(String name, Runnable runnable) {
		Thread thread = new Thread(runnable, name);
		thread.start();
		return thread;
	}

	private long writerThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.getName().equals("log-writer-" + this.appender.getName()))
			.count();
	}

	private void start(Encoder<ILoggingEvent> encoder) {
		start(encoder, BatchingConsoleAppender.STOP_MILLIS);
	}

	private void start(Encoder<ILoggingEvent> encoder, long stopMillis) {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.appender = new BatchingConsoleAppender(() -> this.output.stream, stopMillis);
		this.appender.setContext(this.context);
		this.appender.setName("test-" + System.nanoTime());
		this.appender.setEncoder(encoder);
		this.appender.start();
		assertThat(this.appender.isStarted()).isTrue();
	}

	private Encoder<ILoggingEvent> pattern(String pattern) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern(pattern);
		encoder.start();
		return encoder;
	}

	/** Logs {@code message} alone and waits for the write that carries it: one batch, one write. */
	private void logAndAwaitItsWrite(String message) {
		int written = this.output.writes();
		log(message);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.output.writes() == written + 1);
	}

	private void log(String message) {
		this.appender.doAppend(new LoggingEvent(Logger.FQCN, this.logger, Level.INFO, message, null, null));
	}

	/**
	 * stdout as the appender sees it: what was written, how many writes, the array each write was handed, and a switch
	 * that holds a write.
	 */
	private static final class Output extends OutputStream {

		private final ByteArrayOutputStream written = new ByteArrayOutputStream();

		private final List<byte[]> arrays = new ArrayList<>();

		private final AtomicInteger writes = new AtomicInteger();

		private final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

		private volatile CountDownLatch held = new CountDownLatch(0);

		private final CountDownLatch paused = new CountDownLatch(1);

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			synchronized (this.arrays) {
				this.arrays.add(bytes);
			}
			this.writes.incrementAndGet();
			this.paused.countDown();
			try {
				this.held.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			synchronized (this.written) {
				this.written.write(bytes, offset, length);
			}
		}

		void pause() {
			this.held = new CountDownLatch(1);
		}

		void awaitPaused() throws InterruptedException {
			assertThat(this.paused.await(10, TimeUnit.SECONDS)).isTrue();
		}

		void resume() {
			this.held.countDown();
		}

		int writes() {
			return this.writes.get();
		}

		/** The array the appender handed to the {@code index}th write (a {@link PrintStream} passes it on as is). */
		byte[] array(int index) {
			synchronized (this.arrays) {
				return this.arrays.get(index);
			}
		}

		List<String> lines() {
			synchronized (this.written) {
				return this.written.toString(StandardCharsets.UTF_8).lines().toList();
			}
		}

	}

	/** Writes half of "bad" before failing on it, as a streaming encoder might. */
	private static final class HalfWritingEncoder extends EncoderBase<ILoggingEvent>
			implements StreamingEncoder<ILoggingEvent> {

		@Override
		public void encode(ILoggingEvent event, OutputStream stream) throws IOException {
			if (event.getMessage().equals("bad")) {
				stream.write("ba".getBytes(StandardCharsets.UTF_8));
				throw new IOException("cannot encode");
			}
			stream.write(encode(event));
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			return (event.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public byte[] headerBytes() {
			return null;
		}

		@Override
		public byte[] footerBytes() {
			return null;
		}

	}

}
