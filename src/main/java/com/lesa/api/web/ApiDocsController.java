package com.lesa.api.web;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v3/api-docs}: the OpenAPI document of this jar ({@link ApiDocsConfiguration#DOCUMENT}) with this build's
 * version (the file has the test context's). Read when first asked for, so a start never reads it; with
 * {@code API_DOCS_ENABLED=false} the request never gets here ({@link ServerConfiguration#apiDocsSwitch}).
 */
@RestController
class ApiDocsController {

	private final JsonMapper json;

	private final ObjectProvider<BuildProperties> build;

	private volatile byte[] document;

	ApiDocsController(JsonMapper json, ObjectProvider<BuildProperties> build) {
		this.json = json;
		this.build = build;
	}

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] document() throws IOException {
		byte[] bytes = this.document;
		if (bytes == null) {
			bytes = read();
			this.document = bytes;
		}
		return bytes;
	}

	/** Whether the file has been read (it is, at the first request for it). */
	boolean documentRead() {
		return this.document != null;
	}

	private byte[] read() throws IOException {
		try (InputStream in = new ClassPathResource(ApiDocsConfiguration.DOCUMENT).getInputStream()) {
			JsonNode document = this.json.readTree(in);
			BuildProperties properties = this.build.getIfAvailable();
			if (properties != null) {
				((ObjectNode) document.path("info")).put("version", properties.getVersion());
			}
			return this.json.writeValueAsBytes(document);
		}
	}

}
