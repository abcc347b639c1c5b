package com.lesa.api.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import com.lesa.api.config.RedisSettings;

import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Lettuce client made from {@code REDIS_URL}, its Spring Data template and its binary connection: every class of
 * Lettuce and Spring Data Redis the service uses is reached through this one, which is loaded only when a Redis is
 * configured. Without {@code REDIS_URL} none of them is loaded (nor recorded in the image's AOT cache, where every
 * recorded class is loaded at every start): 88.0 MB of cache instead of 93.5 MB. So no other class names a
 * Lettuce or Spring Data Redis type where the JVM resolves it when loading that class: in a field's, a method's or a
 * constructor's signature that Spring reflects on, or as a type the verifier checks an assignment against.
 * <p>
 * The client is what Spring Boot would configure from the URL (host, credentials, TLS, database, timeouts), with two
 * changes for a store the service can live without: a command sent while the connection is down fails at once
 * instead of queueing until its timeout, and Lettuce tries to reconnect at least every {@code REDIS_RETRY_INTERVAL},
 * so shared mode resumes soon after Redis is back.
 */
final class LettuceClient {

	private final LettuceConnectionFactory connections;

	private final StringRedisTemplate template;

	private volatile StatefulRedisConnection<byte[], byte[]> binary;

	private LettuceClient(LettuceConnectionFactory connections) {
		this.connections = connections;
		this.template = new StringRedisTemplate(connections);
	}

	static LettuceClient connect(RedisSettings settings) {
		return new LettuceClient(connectionFactory(settings));
	}

	private static LettuceConnectionFactory connectionFactory(RedisSettings settings) {
		RedisURI uri = RedisURI.create(settings.url());
		Duration upper = settings.retryInterval().compareTo(Duration.ofMillis(50)) > 0 ? settings.retryInterval()
				: Duration.ofMillis(50);
		ClientResources resources = DefaultClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), upper, 2, TimeUnit.MILLISECONDS))
			.build();
		ClientOptions options = ClientOptions.builder()
			.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled())
			.build();
		// apply() takes TLS and the client name from the URL, and the URL's timeout, which ours then replaces.
		LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.apply(uri)
			.clientResources(resources)
			.clientOptions(options)
			.commandTimeout(settings.timeout());
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
		connections.afterPropertiesSet();
		connections.start();
		return connections;
	}

	/** Spring Boot's Redis health check on this client. */
	HealthIndicator health() {
		return new DataRedisHealthIndicator(this.connections);
	}

	StringRedisTemplate template() {
		return this.template;
	}

	/** A binary-keyed connection from the same client, made on first use. */
	StatefulRedisConnection<byte[], byte[]> binary() {
		StatefulRedisConnection<byte[], byte[]> connection = this.binary;
		if (connection == null) {
			synchronized (this) {
				connection = this.binary;
				if (connection == null) {
					// The client carries the URL's host, credentials, TLS, database and timeouts.
					connection = ((RedisClient) this.connections.getNativeClient()).connect(ByteArrayCodec.INSTANCE);
					this.binary = connection;
				}
			}
		}
		return connection;
	}

	/** Closes the connections and the client, and stops its threads. */
	void close() {
		StatefulRedisConnection<byte[], byte[]> connection = this.binary;
		if (connection != null) {
			connection.closeAsync();
		}
		// Made for this client alone: its connections and its threads go with it.
		ClientResources resources = this.connections.getClientResources();
		this.connections.destroy();
		if (resources != null) {
			resources.shutdown(0, 2, TimeUnit.SECONDS);
		}
	}

}
