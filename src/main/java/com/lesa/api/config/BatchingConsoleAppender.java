package com.lesa.api.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.StreamingEncoder;

/**
 * Writes log events to stdout from one writer thread, a batch at a time: what was logged in the last few milliseconds
 * is encoded and written in one write. Nothing is dropped: a full queue makes the caller wait, and {@link #stop()}
 * writes everything queued.
 * <p>
 * Hand-written in place of logback's {@code AsyncAppender} in front of a {@code ConsoleAppender}, which woke its worker
 * for every event or two and wrote and flushed each event on its own: under {@code bench/http.sh}'s token load that
 * thread took 2.2 of the service's 16.2 s of CPU over 10 s, 0.8 s of it in the kernel, and woke 7,700 times a second,
 * each time taking a core from a request. This writer takes 1.0 of 15.4 s, for 17% more requests, and wakes ~190
 * times a second. Events are still encoded on the writer thread, not on the request threads: logstash's JSON encoder
 * keeps its generator and buffers per thread, and a virtual request thread lives for one request.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	/**
	 * Events queued at most; then a caller waits for the writer. Not more: the queue is only full when the writer falls
	 * behind (a cold JVM under full load), and then its events outlive young collections and fill the old generation.
	 * With logback's AsyncAppender, 10 s after 100,000 requests, a queue of 8,192 against 512 left 41-52 MB of old
	 * generation used against 29.6-30.1 MB and a process of 218-232 MB against 205-209 MB (bench/memory.sh, 3 pairs).
	 */
	static final int CAPACITY = 512;

	/** A batch starts once this many events are queued, without waiting out {@link #LINGER_NANOS}. */
	static final int EARLY_BATCH = CAPACITY / 2;

	/** How long the writer lets events gather after the first of a batch: how late a line can reach stdout. */
	static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	/** How long {@link #stop()} waits for the writer to write what is queued. */
	static final long STOP_MILLIS = 5000;

	/** A batch's bytes are kept for the next batch up to this size. */
	static final int BUFFER_KEPT = 256 * 1024;

	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled for every event: wakes the writer only while it waits for a batch's first. */
	private final Condition arrived = this.lock.newCondition();

	/** Signalled when a batch need not wait out the linger: {@link #EARLY_BATCH} events queued, or stop. */
	private final Condition enough = this.lock.newCondition();

	private final Condition taken = this.lock.newCondition();

	private List<ILoggingEvent> queue = new ArrayList<>();

	private Thread writer;

	private Encoder<ILoggingEvent> encoder;

	private final Supplier<PrintStream> out;

	private final long stopMillis;

	public BatchingConsoleAppender() {
		// Looked up at every write, as logback's ConsoleAppender does: a test may have swapped System.out.
		this(() -> System.out, STOP_MILLIS);
	}

	BatchingConsoleAppender(Supplier<PrintStream> out, long stopMillis) {
		this.out = out;
		this.stopMillis = stopMillis;
	}

	public void setEncoder(Encoder<ILoggingEvent> encoder) {
		this.encoder = encoder;
	}

	@Override
	public void start() {
		if (this.encoder == null) {
			addError("No encoder set for the appender named [" + this.name + "].");
			return;
		}
		super.start();
	}

	@Override
	protected void append(ILoggingEvent event) {
		// What the event reads from the logging thread (its message, MDC and thread name) is read now.
		event.prepareForDeferredProcessing();
		this.lock.lock();
		try {
			while (this.queue.size() >= CAPACITY) {
				this.taken.awaitUninterruptibly();
			}
			this.queue.add(event);
			if (this.writer == null) {
				// Started with the first event: of the two appenders logback-spring.xml declares, one is never used.
				this.writer = new Thread(this::writeUntilStopped, "log-writer-" + this.name);
				this.writer.setDaemon(true);
				this.writer.start();
			}
			else {
				this.arrived.signal();
				if (this.queue.size() == EARLY_BATCH) {
					this.enough.signal();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		Thread running;
		this.lock.lock();
		try {
			running = this.writer;
			this.arrived.signal();
			this.enough.signal();
		}
		finally {
			this.lock.unlock();
		}
		if (running == null) {
			return;
		}
		try {
			running.join(this.stopMillis);
			if (running.isAlive()) {
				addWarn("Log events still queued after " + this.stopMillis + " ms may not have been written.");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void writeUntilStopped() {
		List<ILoggingEvent> spare = new ArrayList<>();
		Bytes bytes = new Bytes();
		while (true) {
			List<ILoggingEvent> batch;
			this.lock.lock();
			try {
				if (awaitBatch() && this.queue.isEmpty()) {
					return;
				}
				batch = this.queue;
				this.queue = spare;
				this.taken.signalAll();
			}
			finally {
				this.lock.unlock();
			}
			write(batch, bytes);
			batch.clear();
			spare = batch;
		}
	}

	/** Waits for a first event, then for the rest of its batch; whether the appender has stopped. Holds the lock. */
	private boolean awaitBatch() {
		while (this.queue.isEmpty() && isStarted()) {
			this.arrived.awaitUninterruptibly();
		}
		long linger = LINGER_NANOS;
		while (linger > 0 && this.queue.size() < EARLY_BATCH && isStarted()) {
			try {
				linger = this.enough.awaitNanos(linger);
			}
			catch (InterruptedException ex) {
				// Only stop() ends the writer; the batch is written now.
				linger = 0;
			}
		}
		return !isStarted();
	}

	private void write(List<ILoggingEvent> batch, Bytes bytes) {
		for (ILoggingEvent event : batch) {
			int size = bytes.size();
			try {
				encode(event, bytes);
			}
			catch (IOException | RuntimeException ex) {
				bytes.truncate(size);
				addError("A log event could not be encoded.", ex);
			}
		}
		PrintStream out = this.out.get();
		out.write(bytes.array(), 0, bytes.size());
		out.flush();
		bytes.empty(BUFFER_KEPT);
	}

	@SuppressWarnings("unchecked")
	private void encode(ILoggingEvent event, Bytes bytes) throws IOException {
		if (this.encoder instanceof StreamingEncoder<?> streaming) {
			// logstash's encoder writes straight into the batch, without an array of its own per event.
			((StreamingEncoder<ILoggingEvent>) streaming).encode(event, bytes);
		}
		else {
			bytes.write(this.encoder.encode(event));
		}
	}

	/** A batch's bytes. */
	private static final class Bytes extends ByteArrayOutputStream {

		Bytes() {
			super(8192);
		}

		byte[] array() {
			return this.buf;
		}

		/** Drops what was written after {@code size}: an event whose encoding failed half-way. */
		void truncate(int size) {
			this.count = size;
		}

		/** Empties the buffer, and lets go of its array if a large batch grew it past {@code kept} bytes. */
		void empty(int kept) {
			this.count = 0;
			if (this.buf.length > kept) {
				this.buf = new byte[8192];
			}
		}

	}

}
