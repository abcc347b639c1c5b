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
		// Both logging facades would find SLF4J (Logback) anyway, but only after probing for the Log4j API, whose
		// provider they initialize (~90 classes, loaded at every start and held in the image's AOT cache); named, they
		// go straight to it. Commons Logging is Spring's; JBoss Logging is Hibernate Validator's.
		defaultProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.Slf4jLogFactory");
		defaultProperty("org.jboss.logging.provider", "slf4j");
		SpringApplication.run(LesaApiApplication.class, args);
	}

	private static void defaultProperty(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

}
