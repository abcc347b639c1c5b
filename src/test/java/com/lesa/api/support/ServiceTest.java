package com.lesa.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random loopback port, with a test LiveKit key pair ({@link #API_KEY}, {@link #API_SECRET})
 * and a LiveKit URL nothing listens on; tests that need a LiveKit point {@code LIVEKIT_URL} at their fake. Tests get
 * an {@link HttpTestClient} for the service by {@code @Autowired}. Rate limits are off (0), and the LiveKit circuit
 * breaker judges 1000 calls (so it never opens), unless a test sets them with a {@code @DynamicPropertySource}: most
 * tests send more requests, and more failures, than real traffic would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(HttpTestClientConfiguration.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "LIVEKIT_WS_URL=wss://lk.example.test", "LIVEKIT_URL=http://127.0.0.1:9",
				"LIVEKIT_API_KEY=" + ServiceTest.API_KEY, "LIVEKIT_API_SECRET=" + ServiceTest.API_SECRET,
				"RATE_LIMIT_TOKENS_PER_MINUTE=0", "RATE_LIMIT_DISPATCHES_PER_MINUTE=0",
				"RATE_LIMIT_ROOM_DISPATCHES_PER_MINUTE=0", "LIVEKIT_BREAKER_WINDOW=1000" })
public @interface ServiceTest {

	String API_KEY = "APItestKey";

	String API_SECRET = "a-test-secret-that-is-long-enough-for-hs256";

}
