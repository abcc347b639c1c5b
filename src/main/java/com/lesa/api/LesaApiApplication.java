package com.lesa.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the LESA Token &amp; Dispatch API. */
@SpringBootApplication
public class LesaApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(LesaApiApplication.class, args);
	}

}
