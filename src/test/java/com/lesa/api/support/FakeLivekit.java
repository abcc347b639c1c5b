package com.lesa.api.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import javax.net.ServerSocketFactory;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LiveKit server's AgentDispatchService on loopback, enforcing what the real one enforces (protocol doc, section 4):
 * POST only, a JSON content type, an HS256 bearer token signed with the API secret whose issuer is the API key and
 * which has an expiry (checked with java-jwt, not the JJWT that signs it), {@code video.roomAdmin} for exactly the
 * body's room, LiveKit's metadata limit. It answers as the real server does: snake_case with every field, 64-bit
 * numbers as strings, Twirp JSON errors, plain-text 401s from the auth middleware. It keeps state, so list and delete
 * see what create made, and counts the dispatches it created per room. Faults are queued per request.
 */
public final class FakeLivekit implements AutoCloseable, AfterAllCallback {

	public static final String PATH = "/twirp/livekit.AgentDispatchService/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_METADATA_BYTES = 512 * 1024;

	private MockWebServer server = new MockWebServer();

	private int port;

	private final String apiKey;

	private final String apiSecret;

	private final Map<String, List<ObjectNode>> rooms = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();

	private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private volatile Duration createDelay = Duration.ZERO;

	private volatile boolean hung;

	private volatile MockResponse failAll;

	private FakeLivekit(String apiKey, String apiSecret) {
		this.apiKey = apiKey;
		this.apiSecret = apiSecret;
	}

	/**
	 * A fake that accepts {@link ServiceTest}'s key pair. Register it with {@code @RegisterExtension} on a static field
	 * and it closes itself after the test class.
	 */
	public static FakeLivekit forServiceTest() {
		return start(ServiceTest.API_KEY, ServiceTest.API_SECRET);
	}

	public static FakeLivekit start(String apiKey, String apiSecret) {
		FakeLivekit fake = new FakeLivekit(apiKey, apiSecret);
		fake.listen(0);
		return fake;
	}

	private void listen(int port) {
		this.server = new MockWebServer();
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}
		});
		this.server.setServerSocketFactory(new NoDelayServerSocketFactory());
		try {
			this.server.start(InetAddress.getLoopbackAddress(), port);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.port = this.server.getPort();
	}

	/** Stops listening, so connections are refused, keeping its state; {@link #listen()} comes back on the same port. */
	public void refuseConnections() {
		this.server.close();
	}

	/** Listens again on the same port after {@link #refuseConnections()}. */
	public void listen() {
		listen(this.port);
	}

	/** Until {@link #reset()}, every request gets {@code answer} without being handled. */
	public void answerAllWith(MockResponse answer) {
		this.failAll = answer;
	}

	/** The {@code LIVEKIT_URL} to point the service at. */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** How many dispatches LiveKit created in {@code room}. */
	public int creates(String room) {
		AtomicInteger count = this.creates.get(room);
		return (count != null) ? count.get() : 0;
	}

	/** Every request that reached the fake, in order. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The next request gets {@code answer} and is not handled: LiveKit never processed it. */
	public void answerNextWith(MockResponse answer) {
		this.faults.add(new Fault(false, (unhandled) -> answer));
	}

	/** The next request is handled as usual (state changes), then its answer is altered, for example dropped. */
	public void handleNextThen(UnaryOperator<MockResponse.Builder> alteration) {
		this.faults.add(new Fault(true, (handled) -> alteration.apply(handled.newBuilder()).build()));
	}

	/** Makes CreateDispatch answers wait, so that concurrent callers overlap the call in flight. */
	public void delayCreates(Duration delay) {
		this.createDelay = delay;
	}

	/** Until {@link #reset()}, every request is read and handled, and then no answer ever comes: a hung LiveKit. */
	public void hang() {
		this.hung = true;
	}

	public void reset() {
		this.faults.clear();
		this.createDelay = Duration.ZERO;
		this.hung = false;
		this.failAll = null;
	}

	/** A Twirp JSON error as LiveKit writes it. */
	public static MockResponse twirpError(int status, String code, String msg) {
		return json(status, JSON.createObjectNode().put("code", code).put("msg", msg).toString());
	}

	/** LiveKit's auth middleware: plain text, not Twirp JSON. */
	public static MockResponse plainUnauthorized(String reason) {
		return new MockResponse.Builder().code(401)
			.setHeader("Content-Type", "text/plain; charset=utf-8")
			.body(reason + "\n")
			.build();
	}

	private MockResponse answer(RecordedRequest request) {
		MockResponse failure = this.failAll;
		if (failure != null) {
			return failure;
		}
		if (this.hung) {
			return handle(request).newBuilder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
		}
		Fault fault = this.faults.poll();
		if (fault == null) {
			return handle(request);
		}
		return fault.answer().apply(fault.handle() ? handle(request) : null);
	}

	private MockResponse handle(RecordedRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return twirpError(404, "bad_route",
					"unsupported method \"" + request.getMethod() + "\" (only POST is allowed)");
		}
		String path = request.getUrl().encodedPath();
		String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
		if (!path.startsWith(PATH) || !contentType.split(";")[0].trim().equals("application/json")) {
			return twirpError(404, "bad_route", "unexpected Content-Type or path");
		}
		String authorization = request.getHeaders().get("Authorization");
		if (authorization == null) {
			return twirpError(401, "unauthenticated", "permissions denied");
		}
		if (!authorization.startsWith("Bearer ")) {
			return plainUnauthorized("invalid authorization header. Must start with Bearer ");
		}
		DecodedJWT token;
		try {
			token = LivekitTokens.verify(authorization.substring("Bearer ".length()), this.apiKey, this.apiSecret);
		}
		catch (JWTVerificationException ex) {
			return plainUnauthorized("invalid authorization token: " + ex.getClass().getSimpleName());
		}
		JsonNode body;
		try {
			body = JSON.readTree(request.getBody().utf8());
		}
		catch (RuntimeException ex) {
			return twirpError(400, "malformed", "the json request could not be decoded");
		}
		String room = text(body, "room", "room");
		Map<String, Object> video = token.getClaim("video").asMap();
		if (video == null || !Boolean.TRUE.equals(video.get("roomAdmin")) || !room.equals(video.get("room"))) {
			return twirpError(401, "unauthenticated", "permissions denied");
		}
		String method = path.substring(PATH.length());
		this.received.add(new Received(method, room, token, body, request.getHeaders().get("User-Agent"),
				request.getHeaders().get("X-Request-ID")));
		return switch (method) {
			case "CreateDispatch" -> create(room, body);
			case "ListDispatch" -> list(room, text(body, "dispatch_id", "dispatchId"));
			case "DeleteDispatch" -> delete(room, text(body, "dispatch_id", "dispatchId"));
			default -> twirpError(404, "bad_route", "no handler for path " + path);
		};
	}

	private MockResponse create(String room, JsonNode body) {
		String metadata = text(body, "metadata", "metadata");
		if (metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
			return twirpError(400, "invalid_argument", "metadata size exceeds limits");
		}
		Instant now = Instant.now();
		long nanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
		ObjectNode dispatch = JSON.createObjectNode()
			.put("id", "AD_fake" + this.ids.incrementAndGet())
			.put("agent_name", text(body, "agent_name", "agentName"))
			.put("room", room)
			.put("metadata", metadata);
		ObjectNode state = dispatch.putObject("state");
		state.putArray("jobs");
		state.put("created_at", Long.toString(nanos)).put("deleted_at", "0");
		dispatch.put("restart_policy", "JRP_ON_FAILURE").put("deployment", "");
		dispatch.putObject("attributes");
		dispatch.put("field_from_a_newer_livekit", true);
		this.rooms.computeIfAbsent(room, (r) -> new CopyOnWriteArrayList<>()).add(dispatch);
		this.creates.computeIfAbsent(room, (r) -> new AtomicInteger()).incrementAndGet();
		MockResponse.Builder answer = json(200, dispatch.toString()).newBuilder();
		if (!this.createDelay.isZero()) {
			answer.headersDelay(this.createDelay.toMillis(), TimeUnit.MILLISECONDS);
		}
		return answer.build();
	}

	private MockResponse list(String room, String dispatchId) {
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode list = answer.putArray("agent_dispatches");
		for (ObjectNode dispatch : this.rooms.getOrDefault(room, List.of())) {
			if (dispatchId.isEmpty() || dispatchId.equals(dispatch.path("id").asString())) {
				list.add(dispatch);
			}
		}
		return json(200, answer.toString());
	}

	private MockResponse delete(String room, String dispatchId) {
		List<ObjectNode> dispatches = this.rooms.getOrDefault(room, new ArrayList<>());
		for (ObjectNode dispatch : dispatches) {
			if (dispatchId.equals(dispatch.path("id").asString())) {
				dispatches.remove(dispatch);
				return json(200, dispatch.toString());
			}
		}
		return twirpError(404, "not_found", "dispatch " + dispatchId + " not found");
	}

	private static String text(JsonNode body, String protoName, String jsonName) {
		JsonNode value = body.path(protoName).isMissingNode() ? body.path(jsonName) : body.path(protoName);
		return value.isString() ? value.asString() : "";
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * Answers without Nagle's delay: MockWebServer writes headers and body separately, and with Nagle on, each answer
	 * would wait for the client's delayed ACK (40 ms on Linux), far more than a real LiveKit takes.
	 */
	private static final class NoDelayServerSocketFactory extends ServerSocketFactory {

		@Override
		public ServerSocket createServerSocket() throws IOException {
			return new NoDelayServerSocket();
		}

		@Override
		public ServerSocket createServerSocket(int port) throws IOException {
			throw new UnsupportedOperationException("MockWebServer binds the socket itself");
		}

		@Override
		public ServerSocket createServerSocket(int port, int backlog) throws IOException {
			throw new UnsupportedOperationException("MockWebServer binds the socket itself");
		}

		@Override
		public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
			throw new UnsupportedOperationException("MockWebServer binds the socket itself");
		}

	}

	private static final class NoDelayServerSocket extends ServerSocket {

		NoDelayServerSocket() throws IOException {
		}

		@Override
		public Socket accept() throws IOException {
			Socket socket = super.accept();
			socket.setTcpNoDelay(true);
			return socket;
		}

	}

	private record Fault(boolean handle, UnaryOperator<MockResponse> answer) {
	}

	/**
	 * A request the fake accepted (its token verified).
	 *
	 * @param method the Twirp method
	 * @param room the body's room
	 * @param token the verified bearer token
	 * @param body the JSON body
	 * @param userAgent the User-Agent header
	 * @param requestId the X-Request-ID header
	 */
	public record Received(String method, String room, DecodedJWT token, JsonNode body, String userAgent,
			String requestId) {
	}

}
