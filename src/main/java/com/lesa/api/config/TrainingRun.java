package com.lesa.api.config;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The image's training start ({@code docker/train.sh}, system property {@code lesa.aot-training=true}): once ready,
 * the service sends itself the requests a deployment answers first (health, a token, the common refusals, a dispatch
 * to the absent LiveKit, a CORS preflight, the probes) and exits, so the AOT cache recorded from this run holds the
 * classes and method profiles of the first requests too, not only of the start. Does nothing otherwise.
 * <p>
 * The requests go out through OkHttp, the client the service already has for LiveKit: every class this run loads is
 * loaded ahead of time at every start of the image, and the JDK's own HTTP client would add ~300 classes that a
 * deployment never uses.
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

	static final String PROPERTY = "lesa.aot-training";

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	private static final MediaType JSON = MediaType.get("application/json");

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!Boolean.getBoolean(PROPERTY)) {
			return;
		}
		ConfigurableApplicationContext context = event.getApplicationContext();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Integer management = context.getEnvironment().getProperty("local.management.port", Integer.class);
		String api = "http://127.0.0.1:" + port;
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2))
			.callTimeout(Duration.ofSeconds(10))
			.build();
		String token = "{\"room\":\"training\",\"identity\":\"trainer\",\"name\":\"T\",\"metadata\":\"{}\"}";
		List<Request> requests = List.of(get(api + "/api/v1/health"), get(api + "/status"),
				post(api + "/api/v1/auth/token", token), post(api + "/api/v1/auth/token", "{\"room\":\"\"}"),
				post(api + "/api/v1/auth/token", "{"), post(api + "/api/v1/agent/dispatch", "{\"room\":\"training\"}"),
				get(api + "/no-such-path"),
				new Request.Builder().url(api + "/api/v1/auth/token")
					.method("OPTIONS", null)
					.header("Origin", "https://training.invalid")
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "content-type")
					.build());
		int answered = 0;
		for (int round = 0; round < 20; round++) {
			for (Request request : requests) {
				answered += send(http, request);
			}
		}
		if (management != null) {
			String probes = "http://127.0.0.1:" + management;
			for (String path : List.of("/actuator/health/readiness", "/actuator/health", "/actuator/prometheus")) {
				answered += send(http, get(probes + path));
			}
		}
		http.connectionPool().evictAll();
		log.info("Training run: {} requests answered; exiting", answered);
		System.exit(SpringApplication.exit(context));
	}

	private static int send(OkHttpClient http, Request request) {
		try (Response response = http.newCall(request).execute()) {
			response.body().bytes();
			return 1;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static Request get(String url) {
		return new Request.Builder().url(url).build();
	}

	private static Request post(String url, String json) {
		return new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
	}

}
