package com.lesa.api.livekit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.lesa.api.config.LivekitSettings;

/**
 * Minting one browser token three ways in one run: this service's minter, LiveKit's official Kotlin SDK
 * ({@code AccessToken.toJwt()}) for the same claims, and the floor (HMAC-SHA256 and base64url of the same bytes).
 * Run by {@code bench/mint.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MintBenchmark {

	private static final String KEY = "APIbenchKey";

	private static final String SECRET = "bench-secret-that-is-long-enough-for-hs256";

	private AccessTokenMinter minter;

	private AccessTokenClaims claims;

	private byte[] headerJson;

	private byte[] payloadJson;

	private SecretKeySpec hmacKey;

	@Setup
	public void setUp() {
		this.minter = new AccessTokenMinter(new LivekitSettings(URI.create("ws://localhost:7880"),
				URI.create("http://localhost:7880"), KEY, SECRET), Clock.systemUTC());
		this.claims = AccessTokenClaims.join("user-123", "Alice", "{\"plan\":\"pro\"}", Map.of("lang", "en"),
				VideoGrant.join("support-42", true), Duration.ofMinutes(60));
		String[] parts = this.minter.mint(this.claims).jwt().split("\\.");
		this.headerJson = Base64.getUrlDecoder().decode(parts[0]);
		this.payloadJson = Base64.getUrlDecoder().decode(parts[1]);
		this.hmacKey = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	@Benchmark
	public String thisService() {
		return this.minter.mint(this.claims).jwt();
	}

	@Benchmark
	public String livekitKotlinSdk() {
		AccessToken token = new AccessToken(KEY, SECRET);
		token.setIdentity("user-123");
		token.setName("Alice");
		token.setMetadata("{\"plan\":\"pro\"}");
		token.getAttributes().put("lang", "en");
		token.setTtl(TimeUnit.MINUTES.toMillis(60));
		token.addGrants(new RoomJoin(true), new RoomName("support-42"), new CanPublish(true), new CanSubscribe(true),
				new CanPublishData(true), new CanPublishSources(List.of("microphone")));
		return token.toJwt();
	}

	@Benchmark
	public String hmacAndBase64Floor() throws Exception {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String signingInput = base64.encodeToString(this.headerJson) + "." + base64.encodeToString(this.payloadJson);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(this.hmacKey);
		return signingInput + "."
				+ base64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

}
