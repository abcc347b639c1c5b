package com.lesa.api;

import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the LESA Token &amp; Dispatch API. */
@SpringBootApplication
public class LesaApiApplication {

	public static void main(String[] args) {
		// SIGTERM is how Kubernetes and `docker stop` ask us to stop: shut down gracefully and exit 0, not 143.
		Signal.handle(new Signal("TERM"), (signal) -> System.exit(0));
		SpringApplication.run(LesaApiApplication.class, args);
	}

}
