package com.lesa.api.dispatch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.lesa.api.config.DispatchSettings;
import com.lesa.api.config.LivekitApiSettings;
import com.lesa.api.config.LimitsSettings;
import com.lesa.api.config.LivekitSettings;
import com.lesa.api.dispatch.DispatchService.Dispatched;
import com.lesa.api.livekit.AccessTokenMinter;
import com.lesa.api.livekit.LivekitApiClient;
import com.lesa.api.livekit.LivekitBulkhead;
import com.lesa.api.security.RateLimiter;
import com.lesa.api.support.FakeLivekit;
import com.lesa.api.web.Refusals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchServiceTests {

	private static final String KEY = "APIdispatch";

	private static final String SECRET = "dispatch-test-secret-long-enough-for-hs256";

	private final FakeLivekit livekit = FakeLivekit.start(KEY, SECRET);

	private final LivekitBulkhead bulkhead = new LivekitBulkhead(apiSettings());

	private final LivekitApiClient client = client();

	@AfterEach
	void stop() {
		this.client.destroy();
		this.livekit.close();
	}

	@Test
	void dispatchWhenWindowIsZeroThenEveryRequestReachesLivekit() {
		DispatchService service = service(0);

		Dispatched first = service.dispatch("r", "py-agent", null);
		Dispatched second = service.dispatch("r", "py-agent", null);

		assertThat(first.deduplicated()).isFalse();
		assertThat(second.deduplicated()).isFalse();
		assertThat(second.dispatch().id()).isNotEqualTo(first.dispatch().id());
		assertThat(this.livekit.creates("r")).isEqualTo(2);
	}

	@Test
	void dispatchWhenSameRoomAndAgentThenOneCallAndOtherRoomsOrAgentsAreSeparate() {
		DispatchService service = service(3);

		Dispatched first = service.dispatch("r", "py-agent", "a");
		Dispatched again = service.dispatch("r", "py-agent", "b");
		Dispatched otherAgent = service.dispatch("r", "helper", null);
		Dispatched otherRoom = service.dispatch("s", "py-agent", null);

		assertThat(again).isEqualTo(new Dispatched(first.dispatch(), true));
		assertThat(otherAgent.deduplicated()).isFalse();
		assertThat(otherRoom.deduplicated()).isFalse();
		assertThat(this.livekit.creates("r")).isEqualTo(2);
		assertThat(this.livekit.creates("s")).isEqualTo(1);
	}

	private DispatchService service(int windowSeconds) {
		RecentDispatches recent = DispatchConfiguration.choose(
				new DispatchSettings("py-agent", List.of("py-agent", "helper"), windowSeconds), apiSettings(), null);
		return new DispatchService(this.client, this.bulkhead, recent,
				new RateLimiter(new LimitsSettings(0, 0, 0, 100), new Refusals(new SimpleMeterRegistry())),
				new SimpleMeterRegistry());
	}

	private LivekitApiClient client() {
		LivekitSettings settings = new LivekitSettings(URI.create("ws://127.0.0.1"), URI.create(this.livekit.url()),
				KEY, SECRET);
		return new LivekitApiClient(settings, apiSettings(), new AccessTokenMinter(settings, Clock.systemUTC()),
				JsonMapper.builder().build(), new DefaultListableBeanFactory().getBeanProvider(BuildProperties.class),
				new SimpleMeterRegistry(), this.bulkhead);
	}

	private static LivekitApiSettings apiSettings() {
		return new LivekitApiSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 32, 1000,
				Duration.ofSeconds(10), Duration.ofMillis(250));
	}

}
