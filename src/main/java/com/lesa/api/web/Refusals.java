package com.lesa.api.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Counts requests the edge refuses before they reach an endpoint, by reason, for the metrics endpoint. */
@Component
public class Refusals {

	private final MeterRegistry meters;

	public Refusals(MeterRegistry meters) {
		this.meters = meters;
	}

	/** One more request refused for {@code reason} ({@code trusted_host}, {@code cors}, {@code auth}, ...). */
	public void count(String reason) {
		Counter.builder("lesa.http.refused")
			.description("Requests refused at the edge, by reason")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

}
