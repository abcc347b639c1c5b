package com.lesa.api.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.lesa.api.support.HttpTestClient;
import com.lesa.api.support.SettingNames;
import com.lesa.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes manifests agree with the application they deploy. */
@ServiceTest
class KubernetesManifestsTests {

	private static final Path MANIFESTS = Path.of("deploy", "kubernetes");

	@Autowired
	private Environment environment;

	@Test
	void kustomizationListsExistingManifestsAndNoSecretValues() throws IOException {
		Map<String, Object> kustomization = load("kustomization.yaml").get(0);

		for (Object resource : list(kustomization.get("resources"))) {
			assertThat(MANIFESTS.resolve((String) resource)).exists();
		}
		assertThat(list(kustomization.get("resources"))).doesNotContain("secret.example.yaml");
		assertThat(Files.readString(MANIFESTS.resolve("configmap.yaml"))).doesNotContain("LIVEKIT_API_SECRET");
	}

	@Test
	void everyEnvironmentVariableTheyUseIsARealSetting() throws IOException {
		Set<String> settings = SettingNames.all();
		Set<String> used = new HashSet<>(map(configMap().get("data")).keySet());
		for (Object env : list(container().get("env"))) {
			used.add((String) map(env).get("name"));
		}
		Set<String> secretKeys = new HashSet<>();
		for (Map<String, Object> secret : load("secret.example.yaml")) {
			for (Object key : map(secret.get("stringData")).keySet()) {
				used.add((String) key);
				secretKeys.add(map(secret.get("metadata")).get("name") + "/" + key);
			}
		}

		assertThat(used).isNotEmpty();
		assertThat(settings).containsAll(used);
		assertThat(used).contains("LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "PORT", "MANAGEMENT_PORT", "REDIS_URL");
		// Every secret the pod reads is one the template shows how to make.
		for (Object env : list(container().get("env"))) {
			Object from = map(env).get("valueFrom");
			if (from != null) {
				Map<String, Object> ref = map(map(from).get("secretKeyRef"));
				assertThat(secretKeys).contains(ref.get("name") + "/" + ref.get("key"));
			}
		}
	}

	@Test
	void portsMatchTheSettingsAndOnlyTheApiPortIsInTheService() throws IOException {
		Map<String, Object> data = map(configMap().get("data"));
		Map<String, Integer> ports = containerPorts();

		assertThat(ports).containsEntry("http", Integer.valueOf((String) data.get("PORT")))
			.containsEntry("management", Integer.valueOf((String) data.get("MANAGEMENT_PORT")));
		Map<String, Object> service = load("service.yaml").get(0);
		List<Object> servicePorts = list(map(service.get("spec")).get("ports"));
		assertThat(servicePorts).singleElement().satisfies((port) -> assertThat(map(port)).containsEntry("targetPort", "http"));
		assertThat(Files.readString(MANIFESTS.resolve("deployment.yaml")))
			.contains("prometheus.io/port: \"" + data.get("MANAGEMENT_PORT") + "\"");
	}

	@Test
	void probesPointAtHealthGroupsThatAnswerOnTheManagementPort() throws IOException {
		HttpTestClient management = new HttpTestClient(
				this.environment.getRequiredProperty("local.management.port", Integer.class));
		Map<String, Object> container = container();

		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
			assertThat(get.get("port")).as(probe).isEqualTo("management");
			String path = (String) get.get("path");
			assertThat(path).as(probe).startsWith("/actuator/health/");
			assertThat(management.get(path).status()).as(probe + " " + path).isEqualTo(200);
		}
	}

	@Test
	void securityContextHoldsAndMatchesTheImage() throws IOException {
		Map<String, Object> pod = podSpec();
		Map<String, Object> podSecurity = map(pod.get("securityContext"));
		Map<String, Object> security = map(container().get("securityContext"));

		assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
		assertThat(Files.readString(Path.of("Dockerfile"))).contains("USER 10001:10001");
		assertThat(security).containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false);
		assertThat(list(map(security.get("capabilities")).get("drop"))).containsExactly("ALL");
		assertThat(list(container().get("volumeMounts"))).anySatisfy((mount) -> assertThat(map(mount))
			.containsEntry("mountPath", "/tmp"));
		assertThat(map(container().get("resources")).keySet()).containsExactlyInAnyOrder("requests", "limits");
	}

	@Test
	void terminationGraceCoversThePreStopPauseAndTheShutdownTimeout() throws IOException {
		int grace = (Integer) podSpec().get("terminationGracePeriodSeconds");
		List<Object> preStop = list(map(map(map(container().get("lifecycle")).get("preStop")).get("exec")).get("command"));
		int pause = Integer.parseInt((String) preStop.get(1));
		String timeout = (String) map(configMap().get("data")).get("SHUTDOWN_TIMEOUT");
		int shutdown = Integer.parseInt(timeout.replace("s", ""));

		assertThat(preStop.get(0)).isEqualTo("sleep");
		assertThat(grace).isGreaterThan(pause + shutdown);
	}

	@Test
	void autoscalerAndDisruptionBudgetTargetTheDeployment() throws IOException {
		Map<String, Object> hpa = map(load("hpa.yaml").get(0).get("spec"));
		assertThat(map(hpa.get("scaleTargetRef"))).containsEntry("kind", "Deployment")
			.containsEntry("name", "lesa-token-api");
		assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> pdb = map(load("pdb.yaml").get(0).get("spec"));
		assertThat(map(pdb.get("selector")).get("matchLabels"))
			.isEqualTo(map(map(deployment().get("spec")).get("selector")).get("matchLabels"));
	}

	private Map<String, Integer> containerPorts() throws IOException {
		Map<String, Integer> ports = new java.util.LinkedHashMap<>();
		for (Object port : list(container().get("ports"))) {
			ports.put((String) map(port).get("name"), (Integer) map(port).get("containerPort"));
		}
		return ports;
	}

	private static Map<String, Object> configMap() throws IOException {
		return load("configmap.yaml").get(0);
	}

	private static Map<String, Object> deployment() throws IOException {
		return load("deployment.yaml").get(0);
	}

	private static Map<String, Object> podSpec() throws IOException {
		return map(map(map(deployment().get("spec")).get("template")).get("spec"));
	}

	private static Map<String, Object> container() throws IOException {
		return map(list(podSpec().get("containers")).get(0));
	}

	private static List<Map<String, Object>> load(String file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(Files.readString(MANIFESTS.resolve(file)))) {
			documents.add(map(document));
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

}
