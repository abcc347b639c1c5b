package com.lesa.api.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import com.lesa.api.support.ServiceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server keeps closed connections' buffers for new ones (Tomcat's default keeps none under 2 GB of heap),
 * and a new connection never sees what an earlier one left in them.
 */
@ServiceTest
class ConnectionBuffersIntegrationTests {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void theServersConnectorKeepsClosedConnectionsBuffers() throws Exception {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();

		assertThat(connector.getProperty("socket.bufferPool"))
			.isEqualTo(Integer.toString(ServerConfiguration.CONNECTION_BUFFERS_KEPT));
		// Connections one after another are still answered in full over the reused buffers, also after one that
		// left half a request in its buffer when it closed.
		for (int i = 0; i < 3; i++) {
			abandonHalfARequest(connector.getLocalPort());
			assertThat(healthOverNewConnection(connector.getLocalPort())).startsWith("HTTP/1.1 200")
				.contains("\"status\":\"healthy\"");
		}
	}

	private static void abandonHalfARequest(int port) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 200\r\n\r\n{\"room\":\"left-behind\",\"identity\":")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	private static String healthOverNewConnection(int port) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
