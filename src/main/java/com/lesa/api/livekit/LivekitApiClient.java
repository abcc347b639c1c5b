package com.lesa.api.livekit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.config.LogFields;
import com.lesa.api.config.LivekitSettings;
import com.lesa.api.livekit.LivekitException.Failure;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The one class that speaks to LiveKit's server API: Twirp JSON over one pooled OkHttp client, a fresh admin token
 * per call, bounded time and bounded answers, and every failure translated into a {@link LivekitException}.
 * CreateDispatch is not idempotent, so a call is retried only when its request provably never left this process.
 */
@Component
public class LivekitApiClient implements SmartInitializingSingleton, DisposableBean {

	static final String SERVICE_PATH = "/twirp/livekit.AgentDispatchService/";

	/** Far above any real answer; a larger body is not LiveKit talking. */
	static final long MAX_RESPONSE_BYTES = 1024 * 1024;

	/** Node's server SDK mints 10-minute tokens for API calls. */
	static final Duration ADMIN_TOKEN_TTL = Duration.ofMinutes(10);

	private static final int MAX_ATTEMPTS = 3;

	private static final long[] BACKOFF_MILLIS = { 100, 250 };

	private static final Logger log = LoggerFactory.getLogger(LivekitApiClient.class);

	/**
	 * The OkHttp client and LiveKit's API origin, made on a thread of their own while the rest of the application
	 * starts: OkHttp's and Kotlin's classes and the JDK trust store cost the main thread ~150 ms otherwise. Joined
	 * before the service takes traffic ({@link #afterSingletonsInstantiated()}), so a failure still stops start-up.
	 */
	private final CompletableFuture<Http> http;

	private final AccessTokenMinter minter;

	private final JsonMapper json;

	private final String userAgent;

	private final Duration callTimeout;

	private final String apiSecret;

	private final MeterRegistry meters;

	private final Duration connectTimeout;

	private final LivekitBulkhead bulkhead;

	private final CircuitBreaker breaker;

	public LivekitApiClient(LivekitSettings livekit, LivekitApiSettings api, AccessTokenMinter minter,
			JsonMapper json, ObjectProvider<BuildProperties> build, MeterRegistry meters, LivekitBulkhead bulkhead) {
		this.meters = meters;
		this.bulkhead = bulkhead;
		this.breaker = LivekitCircuitBreaker.create(api, meters);
		this.connectTimeout = api.connectTimeout();
		this.minter = minter;
		this.json = json;
		this.callTimeout = api.callTimeout();
		this.apiSecret = livekit.apiSecret();
		BuildProperties properties = build.getIfAvailable();
		this.userAgent = "lesa-token-api/" + ((properties != null) ? properties.getVersion() : "dev");
		URI url = livekit.url();
		this.http = CompletableFuture.supplyAsync(() -> Http.create(api, url), (task) -> {
			Thread thread = new Thread(task, "livekit-client-init");
			thread.setDaemon(true);
			thread.start();
		});
	}

	@Override
	public void afterSingletonsInstantiated() {
		http();
	}

	private Http http() {
		try {
			return this.http.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** LiveKit's API lives on the same host as its WebSocket: ws(s) becomes http(s) and any path is dropped. */
	static HttpUrl apiBase(URI url) {
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		HttpUrl.Builder builder = new HttpUrl.Builder()
			.scheme(scheme.equals("wss") || scheme.equals("https") ? "https" : "http")
			.host(url.getHost());
		if (url.getPort() != -1) {
			builder.port(url.getPort());
		}
		return builder.build();
	}

	public AgentDispatch createDispatch(String room, String agentName, String metadata) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("room", room);
		body.put("agentName", agentName);
		if (metadata != null && !metadata.isEmpty()) {
			body.put("metadata", metadata);
		}
		return dispatchFrom("CreateDispatch", call("CreateDispatch", room, body));
	}

	public List<AgentDispatch> listDispatches(String room) {
		JsonNode answer = call("ListDispatch", room, Map.of("room", room));
		JsonNode list = answer.path("agent_dispatches");
		if (list.isMissingNode() || list.isNull()) {
			list = answer.path("agentDispatches");
		}
		List<AgentDispatch> dispatches = new ArrayList<>();
		for (JsonNode item : list.isArray() ? list.values() : List.<JsonNode>of()) {
			dispatches.add(dispatchFrom("ListDispatch", item));
		}
		return dispatches;
	}

	public AgentDispatch deleteDispatch(String room, String dispatchId) {
		return dispatchFrom("DeleteDispatch",
				call("DeleteDispatch", room, Map.of("dispatchId", dispatchId, "room", room)));
	}

	/** Whether a TCP connection to LiveKit's API opens within the connect timeout: for dashboards, not readiness. */
	public boolean isReachable() {
		HttpUrl base = http().base();
		int port = base.port();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(base.host(), port), (int) this.connectTimeout.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private JsonNode call(String method, String room, Map<String, Object> body) {
		long start = System.nanoTime();
		String outcome = "ok";
		try (LivekitBulkhead.Permit permit = this.bulkhead.enter(method)) {
			return guarded(method, room, body);
		}
		catch (LivekitException ex) {
			outcome = (ex.twirpCode() != null) ? ex.twirpCode() : ex.failure().code();
			throw ex;
		}
		finally {
			Timer.builder("lesa.livekit.calls")
				.description("Calls to LiveKit's server API, by method and outcome")
				.tag("method", method)
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.register(this.meters)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/** Through the circuit breaker: only failures of LiveKit itself count, never its 4xx answers to a request. */
	private JsonNode guarded(String method, String room, Map<String, Object> body) {
		if (!this.breaker.tryAcquirePermission()) {
			throw LivekitException.refused(method, Failure.CIRCUIT_OPEN);
		}
		long start = this.breaker.getCurrentTimestamp();
		try {
			JsonNode answer = attempt(method, room, body);
			this.breaker.onSuccess(this.breaker.getCurrentTimestamp() - start, this.breaker.getTimestampUnit());
			return answer;
		}
		catch (LivekitException ex) {
			long elapsed = this.breaker.getCurrentTimestamp() - start;
			if (LivekitCircuitBreaker.isLivekitFailure(ex)) {
				this.breaker.onError(elapsed, this.breaker.getTimestampUnit(), ex);
			}
			else {
				this.breaker.onSuccess(elapsed, this.breaker.getTimestampUnit());
			}
			throw ex;
		}
	}

	private JsonNode attempt(String method, String room, Map<String, Object> body) {
		byte[] payload = this.json.writeValueAsBytes(body);
		String token = this.minter.mint(AccessTokenClaims.serverApi(room, ADMIN_TOKEN_TTL)).jwt();
		long deadline = System.nanoTime() + this.callTimeout.toNanos();
		for (int attempt = 1;; attempt++) {
			long remaining = deadline - System.nanoTime();
			SentTracker tracker = new SentTracker();
			Request request = new Request.Builder().url(http().base().newBuilder().encodedPath(SERVICE_PATH + method).build())
				.post(RequestBody.create(payload, Http.JSON))
				.header("Authorization", "Bearer " + token)
				.header("User-Agent", this.userAgent)
				.header("X-Request-ID", requestId())
				.header("X-Twirp-Timeout-Ms", Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining))))
				.tag(SentTracker.class, tracker)
				.build();
			Call call = http().client().newCall(request);
			call.timeout().timeout(Math.max(1, remaining), TimeUnit.NANOSECONDS);
			try (Response response = call.execute()) {
				return read(method, response);
			}
			catch (IOException ex) {
				long backoff = (attempt <= BACKOFF_MILLIS.length) ? BACKOFF_MILLIS[attempt - 1] : Long.MAX_VALUE;
				boolean retry = !tracker.sent && ex instanceof ConnectException && attempt < MAX_ATTEMPTS
						&& System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) < deadline;
				if (!retry) {
					throw failed(method, room, translate(ex, tracker.sent), null, 0, null, ex);
				}
				pause(backoff, method, room, ex);
			}
		}
	}

	/** The id of the request this call serves, so LiveKit's logs and ours can be matched. */
	private static String requestId() {
		String id = MDC.get(LogFields.REQUEST_ID);
		return (id != null) ? id : UUID.randomUUID().toString();
	}

	private static Failure translate(IOException ex, boolean sent) {
		if (!sent) {
			return Failure.UNREACHABLE;
		}
		return (ex instanceof InterruptedIOException) ? Failure.TIMEOUT : Failure.CONNECTION_LOST;
	}

	private void pause(long millis, String method, String room, IOException cause) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw failed(method, room, Failure.UNREACHABLE, null, 0, null, cause);
		}
	}

	private JsonNode read(String method, Response response) throws IOException {
		ResponseBody body = response.body();
		MediaType type = body.contentType();
		boolean isJson = type != null && "application".equals(type.type()) && "json".equals(type.subtype());
		byte[] bytes = boundedBytes(body);
		if (bytes == null) {
			throw failed(method, null, Failure.BAD_RESPONSE, null, response.code(), "answer too large", null);
		}
		JsonNode answer = isJson ? parse(bytes) : null;
		if (response.isSuccessful()) {
			if (answer == null || !answer.isObject()) {
				throw failed(method, null, Failure.BAD_RESPONSE, null, response.code(), "not a JSON object", null);
			}
			return answer;
		}
		String code = (answer != null) ? answer.path("code").asString("") : "";
		if (!code.isBlank()) {
			throw failed(method, null, Failure.TWIRP_ERROR, code, response.code(), answer.path("msg").asString(""),
					null);
		}
		if (response.code() == 401) {
			throw failed(method, null, Failure.UNAUTHORIZED, null, 401, new String(bytes, StandardCharsets.UTF_8), null);
		}
		throw failed(method, null, Failure.BAD_RESPONSE, null, response.code(), "not a Twirp error", null);
	}

	/** The body, or null when it is larger than {@link #MAX_RESPONSE_BYTES}: never more is read into memory. */
	private static byte[] boundedBytes(ResponseBody body) throws IOException {
		if (body.contentLength() > MAX_RESPONSE_BYTES) {
			return null;
		}
		BufferedSource source = body.source();
		if (source.request(MAX_RESPONSE_BYTES + 1)) {
			return null;
		}
		return source.readByteArray();
	}

	private JsonNode parse(byte[] bytes) {
		try {
			return this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private AgentDispatch dispatchFrom(String method, JsonNode node) {
		try {
			return AgentDispatch.fromJson(node);
		}
		catch (IllegalArgumentException ex) {
			throw failed(method, null, Failure.BAD_RESPONSE, null, 200, ex.getMessage(), null);
		}
	}

	private LivekitException failed(String method, String room, Failure failure, String twirpCode, int status,
			String upstreamMessage, Throwable cause) {
		LivekitException failed = new LivekitException(method, failure, twirpCode, status, cause);
		log.warn("{}{} (LiveKit said: {})", failed.getMessage(), (room != null) ? " for room " + room : "",
				printable(upstreamMessage, cause));
		return failed;
	}

	/**
	 * LiveKit's own words, for the log only: shortened, one line, no control characters, and nothing that could be a
	 * credential (a JWT, a bearer value, our secret), whatever the answering server echoed.
	 */
	private String printable(String message, Throwable cause) {
		String text = (message != null) ? message : (cause != null) ? cause.toString() : "nothing";
		text = text.replace(this.apiSecret, "****")
			.replaceAll("\\p{Cntrl}", " ")
			.replaceAll("eyJ[\\w.-]+", "****")
			.replaceAll("(?i)bearer\\s+\\S+", "****")
			.strip();
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	private static EventListener trackerOf(Call call) {
		SentTracker tracker = call.request().tag(SentTracker.class);
		return (tracker != null) ? tracker : EventListener.NONE;
	}

	@Override
	public void destroy() {
		OkHttpClient client = http().client();
		client.dispatcher().executorService().shutdown();
		client.connectionPool().evictAll();
	}

	private record Http(OkHttpClient client, HttpUrl base) {

		/** Here rather than in the client's class so loading the client class loads no OkHttp class. */
		static final MediaType JSON = MediaType.get("application/json");

		static Http create(LivekitApiSettings api, URI url) {
			OkHttpClient client = new OkHttpClient.Builder().connectTimeout(api.connectTimeout())
				.readTimeout(api.readTimeout())
				.writeTimeout(api.readTimeout())
				.callTimeout(api.callTimeout())
				.retryOnConnectionFailure(false)
				.followRedirects(false)
				.eventListenerFactory(LivekitApiClient::trackerOf)
				.build();
			return new Http(client, apiBase(url));
		}

	}

	/** Remembers whether any byte of the request was handed to the connection. */
	private static final class SentTracker extends EventListener {

		private volatile boolean sent;

		@Override
		public void requestHeadersStart(Call call) {
			this.sent = true;
		}

	}

}
