package com.lesa.api.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

	static final String PROPERTY = "lesa.aot-training";

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!Boolean.getBoolean(PROPERTY)) {
			return;
		}
		ConfigurableApplicationContext context = event.getApplicationContext();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Integer management = context.getEnvironment().getProperty("local.management.port", Integer.class);
		String api = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String token = "{\"room\":\"training\",\"identity\":\"trainer\",\"name\":\"T\",\"metadata\":\"{}\"}";
		List<HttpRequest> requests = List.of(get(api + "/api/v1/health"), get(api + "/status"),
				post(api + "/api/v1/auth/token", token), post(api + "/api/v1/auth/token", "{\"room\":\"\"}"),
				post(api + "/api/v1/auth/token", "{"), post(api + "/api/v1/agent/dispatch", "{\"room\":\"training\"}"),
				get(api + "/no-such-path"),
				HttpRequest.newBuilder(URI.create(api + "/api/v1/auth/token"))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
					.header("Origin", "https://training.invalid")
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "content-type")
					.build());
		int answered = 0;
		for (int round = 0; round < 20; round++) {
			for (HttpRequest request : requests) {
				answered += send(http, request);
			}
		}
		if (management != null) {
			String probes = "http://127.0.0.1:" + management;
			for (String path : List.of("/actuator/health/readiness", "/actuator/health", "/actuator/prometheus")) {
				answered += send(http, get(probes + path));
			}
		}
		log.info("Training run: {} requests answered; exiting", answered);
		System.exit(SpringApplication.exit(context));
	}

	private static int send(HttpClient http, HttpRequest request) {
		try {
			http.send(request, HttpResponse.BodyHandlers.discarding());
			return 1;
		}
		catch (java.io.IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
	}

	private static HttpRequest post(String url, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

}
