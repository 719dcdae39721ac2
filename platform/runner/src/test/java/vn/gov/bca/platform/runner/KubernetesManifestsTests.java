package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * deploy/kubernetes without a cluster: each overlay is rendered by {@code kubectl kustomize} (Debian's
 * kubectl 1.20 on a fresh machine, deploy/test-tools/install-kubectl.sh), every rendered object is
 * read into its typed fabric8 class and must leave no field unknown (what kubeconform would catch:
 * a misspelt or misplaced field, an unknown kind or apiVersion), and then the deployment's rules are
 * checked on the typed objects: probes on the management port, resources from the measured RSS,
 * hardened containers, secrets only from Secrets, an autoscaler and a disruption budget per
 * service, network policies that follow docker-compose.yml's calls, only the gateway and Keycloak's
 * sign-in behind the Ingress, sandboxes in staging only, images rewritten per overlay, the realm.
 */
class KubernetesManifestsTests {

	private static final Path root = RepoRoot.find();

	private static final List<String> OVERLAYS = List.of("staging", "production");

	private static final List<String> SERVICES = List.of("identity-service", "residence-service", "passport-service",
			"seal-service", "fine-payment-service");

	private static final List<String> SANDBOXES = List.of("payment-sandbox", "national-portal-sandbox");

	/** The server port of each; the management port is 1000 above (PlatformDefaults). */
	private static final Map<String, Integer> SERVER_PORTS = Map.of("gateway", 8080, "identity-service", 8081,
			"residence-service", 8082, "passport-service", 8083, "seal-service", 8084, "fine-payment-service", 8085);

	/** The apiVersions the manifests may use: the stable ones of Kubernetes 1.23 and later. */
	private static final Set<String> API_VERSIONS = Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1",
			"networking.k8s.io/v1");

	/** README.md: each service and the gateway ~320 MB RSS at -Xmx384m with SerialGC. */
	private static final BigDecimal MEASURED_RSS = BigDecimal.valueOf(320L * 1000 * 1000);

	/** PASSWORD, SECRET, TOKEN anywhere, KEY as a word (IDENTITY_PSEUDONYM_KEY, not KEYCLOAK_URL nor KEYSTORE). */
	private static final Pattern SECRET_LIKE_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN).*|(.*_)?KEY(_.*)?");

	private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

	private static final long KUBECTL_TIMEOUT_SECONDS = 120;

	private static final Map<String, List<HasMetadata>> rendered = new ConcurrentHashMap<>();

	// ---------------------------------------------------------------------------------------------
	// The validator itself

	@Test
	void theValidatorRejectsAMisspeltField() {
		String manifest = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: broken
				spec:
				  selector:
				    matchLabels: {app: broken}
				  template:
				    metadata:
				      labels: {app: broken}
				    spec:
				      containers:
				      - name: broken
				        image: registry.bca.gov.vn/vneid/broken:1
				        imagePullPolicyy: IfNotPresent
				""";
		List<String> problems = new ArrayList<>();
		Manifests.read(manifest, problems);
		assertThat(problems).singleElement()
			.asString()
			.contains("Deployment broken", "spec.template.spec.containers[0]", "imagePullPolicyy");
	}

	@Test
	void theValidatorRejectsAMisplacedFieldAnUnknownKindAndANumberWhereTextIsExpected() {
		String manifest = """
				apiVersion: v1
				kind: Service
				metadata:
				  name: misplaced
				spec:
				  containerPort: 8080
				  ports:
				  - port: 8080
				---
				apiVersion: apps/v1
				kind: Deploymentt
				metadata:
				  name: unknown-kind
				---
				apiVersion: policy/v1beta1
				kind: PodDisruptionBudget
				metadata:
				  name: old-api
				---
				apiVersion: v1
				kind: ConfigMap
				metadata:
				  name: numbers
				  labels:
				    port: 8080
				""";
		List<String> problems = new ArrayList<>();
		Manifests.read(manifest, problems);
		assertThat(problems).hasSize(4);
		assertThat(problems.get(0)).contains("Service misplaced", "spec", "containerPort");
		assertThat(problems.get(1)).contains("Deploymentt", "unknown-kind");
		assertThat(problems.get(2)).contains("policy/v1beta1", "old-api");
		assertThat(problems.get(3)).contains("ConfigMap numbers");
	}

	@Test
	void theValidatorAcceptsAWellFormedObject() {
		List<String> problems = new ArrayList<>();
		List<HasMetadata> objects = Manifests.read("""
				apiVersion: v1
				kind: Service
				metadata:
				  name: fine
				spec:
				  selector: {app: fine}
				  ports:
				  - name: http
				    port: 8080
				    targetPort: http
				""", problems);
		assertThat(problems).isEmpty();
		assertThat(objects).singleElement().isInstanceOf(io.fabric8.kubernetes.api.model.Service.class);
	}

	// ---------------------------------------------------------------------------------------------
	// Schema

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void everyRenderedObjectIsAKnownKindWithOnlyKnownFields(String overlay) {
		List<String> problems = new ArrayList<>();
		List<HasMetadata> objects = Manifests.read(kustomize(overlay), problems);
		assertThat(problems).as("rendered %s", overlay).isEmpty();
		assertThat(objects).as("rendered %s", overlay).hasSizeGreaterThan(30);
	}

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void everyObjectIsInTheOverlaysNamespaceAndEveryConfigMapReferencedIsRendered(String overlay) {
		String namespace = "production".equals(overlay) ? "vneid" : "vneid-" + overlay;
		List<HasMetadata> objects = objects(overlay);
		assertThat(of(objects, io.fabric8.kubernetes.api.model.Namespace.class)).as("%s: its Namespace", overlay)
			.extracting(n -> n.getMetadata().getName())
			.containsExactly(namespace);
		for (HasMetadata object : objects) {
			if (!(object instanceof io.fabric8.kubernetes.api.model.Namespace)) {
				assertThat(object.getMetadata().getNamespace()).as("%s: namespace of %s", overlay, name(object))
					.isEqualTo(namespace);
			}
		}
		Set<String> configMaps = of(objects, ConfigMap.class).stream()
			.map(c -> c.getMetadata().getName())
			.collect(Collectors.toSet());
		for (Deployment deployment : of(objects, Deployment.class)) {
			for (String referenced : configMapsReferenced(deployment)) {
				assertThat(configMaps).as("%s: ConfigMap %s of %s (a generator's name not rewritten?)", overlay,
						referenced, name(deployment))
					.contains(referenced);
			}
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Probes

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void everyServiceAndTheGatewayIsProbedOnItsManagementPort(String overlay) {
		for (String name : platformApps()) {
			Deployment deployment = deployment(overlay, name);
			Container container = onlyContainer(deployment);
			int serverPort = SERVER_PORTS.get(name);
			assertThat(env(container, "SERVER_PORT")).as("%s: SERVER_PORT", name(deployment))
				.isEqualTo(String.valueOf(serverPort));
			assertThat(env(container, "MANAGEMENT_SERVER_PORT")).as("%s: MANAGEMENT_SERVER_PORT", name(deployment))
				.isEqualTo(String.valueOf(serverPort + 1000));
			assertThat(container.getPorts()).as("%s: container port named management", name(deployment))
				.anySatisfy(port -> {
					assertThat(port.getName()).isEqualTo("management");
					assertThat(port.getContainerPort()).isEqualTo(serverPort + 1000);
				});
			assertManagementProbe(name(deployment) + " liveness", container.getLivenessProbe(),
					"/actuator/health/liveness", serverPort + 1000, container);
			assertManagementProbe(name(deployment) + " readiness", container.getReadinessProbe(),
					"/actuator/health/readiness", serverPort + 1000, container);
			Probe startup = container.getStartupProbe();
			assertManagementProbe(name(deployment) + " startup", startup, "/actuator/health/liveness",
					serverPort + 1000, container);
			int startupSeconds = orZero(startup.getInitialDelaySeconds())
					+ orOne(startup.getPeriodSeconds()) * orThree(startup.getFailureThreshold());
			assertThat(startupSeconds).as("%s: seconds the startup probe allows (a JVM start is ~60 s on two cores)",
					name(deployment))
				.isBetween(120, 300);
		}
	}

	/**
	 * Readiness on the management port is Boot's readiness group: the platform's members (web.yml)
	 * and, for the services, MongoDB's indicator (mongoPing). The group is widened in the ConfigMap;
	 * should the platform add a member, this says the ConfigMap must keep it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	@SuppressWarnings("unchecked")
	void readinessIncludesThePlatformsGroupAndMongoDb(String overlay) throws IOException {
		Map<String, Object> web = new Yaml()
			.load(Files.readString(root.resolve("platform/web/src/main/resources/META-INF/vneid/defaults/web.yml")));
		Map<String, Object> readiness = (Map<String, Object>) path(web, "management", "endpoint", "health", "group",
				"readiness");
		Set<String> platformGroup = Set.of(String.valueOf(readiness.get("include")).split("\\s*,\\s*"));
		assertThat(platformGroup).contains("readinessState", "serviceClients");
		for (String service : SERVICES) {
			Deployment deployment = deployment(overlay, service);
			String include = environment(overlay, deployment).get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE");
			assertThat(include).as("%s: the readiness group", name(deployment)).isNotNull();
			assertThat(Set.of(include.split("\\s*,\\s*"))).as("%s: the readiness group", name(deployment))
				.containsAll(platformGroup)
				.contains("mongoPing");
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Resources

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void everyContainerHasRequestsAndLimitsAndTheHeapFitsTheLimit(String overlay) {
		for (Deployment deployment : of(objects(overlay), Deployment.class)) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				String what = name(deployment) + " container " + container.getName();
				assertThat(container.getResources()).as("%s: resources", what).isNotNull();
				assertThat(container.getResources().getRequests()).as("%s: requests", what)
					.containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as("%s: limits", what).containsKeys("cpu", "memory");
				BigDecimal request = bytes(container.getResources().getRequests().get("memory"));
				BigDecimal limit = bytes(container.getResources().getLimits().get("memory"));
				assertThat(limit).as("%s: memory limit >= request", what).isGreaterThanOrEqualTo(request);
				assertThat(Quantity.getAmountInBytes(container.getResources().getRequests().get("cpu")))
					.as("%s: a modest CPU request", what)
					.isLessThanOrEqualTo(new BigDecimal("0.5"));
			}
		}
		for (String name : platformApps()) {
			Deployment deployment = deployment(overlay, name);
			Container container = onlyContainer(deployment);
			BigDecimal request = bytes(container.getResources().getRequests().get("memory"));
			BigDecimal limit = bytes(container.getResources().getLimits().get("memory"));
			assertThat(request).as("%s: memory request covers the measured RSS (320 MB) with 25 %% headroom",
					name(deployment))
				.isGreaterThanOrEqualTo(MEASURED_RSS.multiply(new BigDecimal("1.25")));
			String options = env(container, "JAVA_TOOL_OPTIONS");
			assertThat(options).as("%s: JAVA_TOOL_OPTIONS", name(deployment)).isNotNull().contains("-XX:+UseSerialGC");
			Matcher xmx = XMX.matcher(options);
			assertThat(xmx.find()).as("%s: -Xmx in JAVA_TOOL_OPTIONS (the image's MaxRAMPercentage=75 would win "
					+ "over a percentage there)", name(deployment))
				.isTrue();
			BigDecimal heap = BigDecimal.valueOf(Long.parseLong(xmx.group(1)))
				.multiply(BigDecimal.valueOf(xmx.group(2).equalsIgnoreCase("g") ? 1L << 30 : 1L << 20));
			assertThat(heap).as("%s: the heap leaves room under the memory limit for metaspace, threads and "
					+ "direct buffers", name(deployment))
				.isLessThanOrEqualTo(limit.multiply(new BigDecimal("0.6")));
			assertThat(heap).as("%s: the heap is the measured -Xmx384m or more", name(deployment))
				.isGreaterThanOrEqualTo(BigDecimal.valueOf(384L << 20));
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Hardening

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void everyContainerRunsAsNonRootWithoutCapabilitiesAndOnAReadOnlyRoot(String overlay) {
		for (Deployment deployment : of(objects(overlay), Deployment.class)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			PodSecurityContext podContext = pod.getSecurityContext();
			assertThat(pod.getAutomountServiceAccountToken()).as("%s: no service-account token", name(deployment))
				.isFalse();
			for (Container container : pod.getContainers()) {
				String what = name(deployment) + " container " + container.getName();
				SecurityContext context = container.getSecurityContext();
				assertThat(context).as("%s: securityContext", what).isNotNull();
				boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
						|| podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot());
				assertThat(nonRoot).as("%s: runAsNonRoot", what).isTrue();
				Long user = context.getRunAsUser() != null ? context.getRunAsUser()
						: podContext == null ? null : podContext.getRunAsUser();
				assertThat(user).as("%s: a numeric non-root user (the image's user is a name)", what)
					.isNotNull()
					.isPositive();
				assertThat(context.getAllowPrivilegeEscalation()).as("%s: allowPrivilegeEscalation", what).isFalse();
				assertThat(context.getPrivileged()).as("%s: privileged", what).isNotEqualTo(Boolean.TRUE);
				assertThat(context.getCapabilities()).as("%s: capabilities", what).isNotNull();
				assertThat(context.getCapabilities().getDrop()).as("%s: capabilities dropped", what).contains("ALL");
				assertThat(context.getCapabilities().getAdd()).as("%s: capabilities added", what).isNullOrEmpty();
				if ("keycloak".equals(deployment.getMetadata().getName())) {
					// Documented exception: `start` re-augments Keycloak into /opt/keycloak/lib.
					continue;
				}
				assertThat(context.getReadOnlyRootFilesystem()).as("%s: readOnlyRootFilesystem", what).isTrue();
				VolumeMount tmp = container.getVolumeMounts()
					.stream()
					.filter(m -> "/tmp".equals(m.getMountPath()))
					.findFirst()
					.orElse(null);
				assertThat(tmp).as("%s: /tmp mounted", what).isNotNull();
				Volume volume = pod.getVolumes()
					.stream()
					.filter(v -> v.getName().equals(tmp.getName()))
					.findFirst()
					.orElseThrow();
				assertThat(volume.getEmptyDir()).as("%s: /tmp is an emptyDir", what).isNotNull();
			}
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Secrets

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void secretsComeOnlyFromSecretsThatTheExampleFileNames(String overlay) throws IOException {
		List<HasMetadata> objects = objects(overlay);
		assertThat(objects.stream().filter(o -> "Secret".equals(o.getKind())).map(KubernetesManifestsTests::name))
			.as("%s: no Secret in the manifests (created by the operator, see README)", overlay)
			.isEmpty();
		Map<String, Set<String>> example = exampleSecrets();
		for (Deployment deployment : of(objects, Deployment.class)) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				String what = name(deployment) + " container " + container.getName();
				for (EnvVar variable : nullSafe(container.getEnv())) {
					if (variable.getValue() != null) {
						assertThat(SECRET_LIKE_NAME.matcher(variable.getName()).matches())
							.as("%s: %s has a literal value; a secret comes from a secretKeyRef", what,
									variable.getName())
							.isFalse();
						Matcher password = Pattern.compile("(?i)password=\"?([^\";\\s]*)").matcher(variable.getValue());
						while (password.find()) {
							assertThat(password.group(1)).as("%s: %s holds a password; refer to one, $(VAR)", what,
									variable.getName())
								.matches("\\$\\([A-Z_]+\\)");
						}
					}
					if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
						String secret = variable.getValueFrom().getSecretKeyRef().getName();
						String key = variable.getValueFrom().getSecretKeyRef().getKey();
						assertThat(example).as("%s: Secret %s in deploy/kubernetes/secrets.example.yaml", what, secret)
							.containsKey(secret);
						assertThat(example.get(secret)).as("%s: key %s of Secret %s in the example file", what, key,
								secret)
							.contains(key);
					}
				}
				for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
					if (source.getSecretRef() != null) {
						assertThat(example).as("%s: Secret %s in the example file", what,
								source.getSecretRef().getName())
							.containsKey(source.getSecretRef().getName());
					}
				}
			}
			for (Volume volume : nullSafe(deployment.getSpec().getTemplate().getSpec().getVolumes())) {
				if (volume.getSecret() != null) {
					assertThat(example).as("%s: Secret %s (volume) in the example file", name(deployment),
							volume.getSecret().getSecretName())
						.containsKey(volume.getSecret().getSecretName());
				}
			}
		}
		for (ConfigMap configMap : of(objects, ConfigMap.class)) {
			if (configMap.getMetadata().getName().startsWith("keycloak-realm")) {
				continue;
			}
			for (Map.Entry<String, String> entry : configMap.getData().entrySet()) {
				assertThat(SECRET_LIKE_NAME.matcher(entry.getKey()).matches() || entry.getValue().contains("@"))
					.as("%s: %s looks like a secret (or a URI with credentials) in a ConfigMap", name(configMap),
							entry.getKey())
					.isFalse();
			}
		}
	}

	@Test
	void theExampleSecretsAreNotPartOfAnyKustomization() throws IOException {
		assertThat(root.resolve("deploy/kubernetes/secrets.example.yaml")).isRegularFile();
		try (Stream<Path> files = Files.walk(root.resolve("deploy/kubernetes"))) {
			for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
				.toList()) {
				assertThat(Files.readString(kustomization)).as("%s", root.relativize(kustomization))
					.doesNotContain("secrets.example", "secretGenerator");
			}
		}
		for (String value : exampleSecretValues()) {
			assertThat(value).as("a value in secrets.example.yaml is a placeholder").startsWith("<").endsWith(">");
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Scaling and disruption

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void everyServiceAndTheGatewayHasAnAutoscalerAndADisruptionBudget(String overlay) {
		List<HasMetadata> objects = objects(overlay);
		for (String name : platformApps()) {
			Deployment deployment = deployment(overlay, name);
			assertThat(deployment.getSpec().getReplicas()).as("%s: no replicas (the autoscaler owns the count)",
					name(deployment))
				.isNull();
			assertThat(of(objects, HorizontalPodAutoscaler.class)).as("%s: an autoscaling/v2 HPA targeting it",
					name(deployment))
				.anySatisfy(hpa -> {
					assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
					assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
					assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
					assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
					assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
					assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
					assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
				});
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(of(objects, PodDisruptionBudget.class)).as("%s: a policy/v1 PDB selecting its pods",
					name(deployment))
				.anySatisfy(pdb -> {
					assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
					assertThat(selects(pdb.getSpec().getSelector(), podLabels)).isTrue();
					assertThat(pdb.getSpec().getMaxUnavailable() != null || pdb.getSpec().getMinAvailable() != null)
						.isTrue();
				});
			assertThat(selects(deployment.getSpec().getSelector(), podLabels))
				.as("%s: its selector selects its own pods", name(deployment))
				.isTrue();
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Network policies and the Ingress

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void ingressIsDeniedByDefault(String overlay) {
		assertThat(of(objects(overlay), NetworkPolicy.class)).as("%s: a default-deny ingress NetworkPolicy", overlay)
			.anySatisfy(policy -> {
				LabelSelector selector = policy.getSpec().getPodSelector();
				assertThat(selector.getMatchLabels()).isNullOrEmpty();
				assertThat(selector.getMatchExpressions()).isNullOrEmpty();
				assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
				assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
			});
	}

	/**
	 * Who may call a service's API port: the gateway and, at most, the services that docker-compose.yml
	 * gives that service's URL (*_SERVICE_URL); passport and seal are called by the gateway only.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void servicesAreReachableOnlyFromTheGatewayAndTheirCallers(String overlay) throws IOException {
		Map<String, Set<String>> composeCallers = composeCallers();
		assertThat(composeCallers.get("passport-service")).containsExactly("gateway");
		assertThat(composeCallers.get("identity-service")).contains("gateway", "fine-payment-service");
		List<NetworkPolicy> policies = of(objects(overlay), NetworkPolicy.class);
		for (String service : SERVICES) {
			Map<String, String> labels = deployment(overlay, service).getSpec().getTemplate().getMetadata().getLabels();
			Set<String> allowed = new TreeSet<>();
			for (NetworkPolicy policy : policies) {
				if (!selects(policy.getSpec().getPodSelector(), labels)) {
					continue;
				}
				for (NetworkPolicyIngressRule rule : nullSafe(policy.getSpec().getIngress())) {
					if (!opens(rule, SERVER_PORTS.get(service))) {
						continue;
					}
					assertThat(rule.getFrom()).as("%s: rule of %s open to everyone", overlay, name(policy))
						.isNotEmpty();
					for (NetworkPolicyPeer peer : rule.getFrom()) {
						assertThat(peer.getIpBlock()).as("%s: ipBlock in %s", overlay, name(policy)).isNull();
						assertThat(peer.getNamespaceSelector()).as("%s: other namespaces in %s", overlay, name(policy))
							.isNull();
						allowed.addAll(appNames(peer.getPodSelector()));
					}
				}
			}
			assertThat(allowed).as("%s: who may call %s on %d", overlay, service, SERVER_PORTS.get(service))
				.contains("gateway")
				.isSubsetOf(composeCallers.get(service));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void managementPortsAreReachableOnlyFromPrometheus(String overlay) {
		for (NetworkPolicy policy : of(objects(overlay), NetworkPolicy.class)) {
			for (NetworkPolicyIngressRule rule : nullSafe(policy.getSpec().getIngress())) {
				boolean management = SERVER_PORTS.values().stream().anyMatch(port -> opens(rule, port + 1000));
				if (!management) {
					continue;
				}
				assertThat(rule.getPorts()).as("%s: %s opens a management port only with named ports", overlay,
						name(policy))
					.isNotEmpty();
				assertThat(rule.getFrom()).as("%s: %s opens a management port", overlay, name(policy))
					.isNotEmpty()
					.allSatisfy(peer -> {
						assertThat(peer.getNamespaceSelector()).isNotNull();
						assertThat(peer.getNamespaceSelector().getMatchLabels())
							.containsEntry("kubernetes.io/metadata.name", "monitoring");
						assertThat(peer.getPodSelector()).isNotNull();
						assertThat(peer.getPodSelector().getMatchLabels())
							.containsEntry("app.kubernetes.io/name", "prometheus");
					});
			}
		}
		for (String name : platformApps()) {
			Map<String, String> labels = deployment(overlay, name).getSpec().getTemplate().getMetadata().getLabels();
			assertThat(of(objects(overlay), NetworkPolicy.class)).as("%s: Prometheus may scrape %s", overlay, name)
				.anySatisfy(policy -> {
					assertThat(selects(policy.getSpec().getPodSelector(), labels)).isTrue();
					assertThat(policy.getSpec().getIngress())
						.anySatisfy(rule -> assertThat(opens(rule, SERVER_PORTS.get(name) + 1000)).isTrue());
				});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void onlyTheGatewayAndKeycloaksSignInAreExposed(String overlay) {
		List<HasMetadata> objects = objects(overlay);
		Set<String> backends = new TreeSet<>();
		List<Ingress> ingresses = of(objects, Ingress.class);
		assertThat(ingresses).as("%s: Ingress", overlay).isNotEmpty();
		for (Ingress ingress : ingresses) {
			assertThat(ingress.getSpec().getDefaultBackend()).as("%s: default backend", name(ingress)).isNull();
			for (IngressRule rule : ingress.getSpec().getRules()) {
				assertThat(rule.getHost()).as("%s: a host of its own", name(ingress)).isNotBlank();
				assertThat(rule.getHost()).as("%s: the overlay's host", name(ingress)).doesNotEndWith("vneid.example");
				for (HTTPIngressPath path : rule.getHttp().getPaths()) {
					String service = path.getBackend().getService().getName();
					backends.add(service);
					if ("keycloak".equals(service)) {
						assertThat(path.getPath()).as("%s: Keycloak only for sign-in", name(ingress))
							.isIn("/realms/", "/resources/");
					}
				}
			}
		}
		assertThat(backends).as("%s: what the Ingress exposes", overlay).containsExactlyInAnyOrder("gateway", "keycloak");
		for (io.fabric8.kubernetes.api.model.Service service : of(objects,
				io.fabric8.kubernetes.api.model.Service.class)) {
			assertThat(service.getSpec().getType()).as("%s: type", name(service)).isIn(null, "ClusterIP");
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Overlays

	@Test
	void stagingHasBothSandboxesAndProductionNone() {
		for (String sandbox : SANDBOXES) {
			assertThat(deployment("staging", sandbox)).as("staging: Deployment %s", sandbox).isNotNull();
			assertThat(of(objects("staging"), io.fabric8.kubernetes.api.model.Service.class))
				.as("staging: Service %s", sandbox)
				.anySatisfy(s -> assertThat(s.getMetadata().getName()).isEqualTo(sandbox));
		}
		assertThat(objects("production")).as("production: nothing of a sandbox")
			.noneSatisfy(o -> assertThat(o.getMetadata().getName()).contains("sandbox"));
		for (ConfigMap configMap : of(objects("production"), ConfigMap.class)) {
			if (!configMap.getMetadata().getName().startsWith("keycloak-realm")) {
				assertThat(configMap.getData().values()).as("production: %s points at no sandbox", name(configMap))
					.noneSatisfy(value -> assertThat(value).contains("sandbox"));
			}
		}
		Map<String, String> production = environment("production", deployment("production", "fine-payment-service"));
		assertThat(production.get("PAYMENT_PLATFORM_URL")).as("production: PayGov").startsWith("https://");
		assertThat(environment("production", deployment("production", "identity-service")).get("NATIONAL_PORTAL_URL"))
			.as("production: the National Public Service Portal")
			.startsWith("https://");
	}

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	@SuppressWarnings("unchecked")
	void imagesAreRewrittenByTheOverlay(String overlay) throws IOException {
		Map<String, Object> kustomization = new Yaml()
			.load(Files.readString(root.resolve("deploy/kubernetes/overlays/" + overlay + "/kustomization.yaml")));
		Map<String, String> expected = new HashMap<>();
		for (Map<String, Object> image : (List<Map<String, Object>>) kustomization.get("images")) {
			String name = (String) image.get("name");
			expected.put(name, Objects.toString(image.get("newName"), name) + ":" + image.get("newTag"));
		}
		for (Deployment deployment : of(objects(overlay), Deployment.class)) {
			String app = deployment.getMetadata().getName();
			String image = onlyContainer(deployment).getImage();
			if ("keycloak".equals(app)) {
				continue;
			}
			String baseName = "registry.bca.gov.vn/vneid/" + app;
			assertThat(expected).as("%s: an images: entry for %s", overlay, baseName).containsKey(baseName);
			assertThat(image).as("%s: image of %s", overlay, name(deployment)).isEqualTo(expected.get(baseName));
			assertThat(image).as("%s: image of %s keeps no base tag", overlay, name(deployment))
				.doesNotEndWith("-SNAPSHOT");
		}
	}

	@Test
	void theOverlaysRunDifferentImages() {
		assertThat(onlyContainer(deployment("staging", "gateway")).getImage())
			.isNotEqualTo(onlyContainer(deployment("production", "gateway")).getImage());
	}

	// ---------------------------------------------------------------------------------------------
	// Keycloak's realm

	@Test
	void theRealmCopyIsTheContainersRealmByteForByte() throws IOException {
		assertThat(Files.readAllBytes(root.resolve("deploy/kubernetes/base/vneid-realm.containers.json")))
			.as("deploy/kubernetes/base/vneid-realm.containers.json must be a copy of keycloak/vneid-realm.containers.json:"
					+ " cp keycloak/vneid-realm.containers.json deploy/kubernetes/base/")
			.isEqualTo(Files.readAllBytes(root.resolve("keycloak/vneid-realm.containers.json")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	@SuppressWarnings("unchecked")
	void keycloakImportsTheVneidRealmFromItsConfigMap(String overlay) throws IOException {
		Deployment keycloak = deployment(overlay, "keycloak");
		Container container = onlyContainer(keycloak);
		assertThat(container.getArgs()).as("%s: args", name(keycloak)).contains("start", "--import-realm");
		VolumeMount mount = container.getVolumeMounts()
			.stream()
			.filter(m -> "/opt/keycloak/data/import".equals(m.getMountPath()))
			.findFirst()
			.orElse(null);
		assertThat(mount).as("%s: the realm mounted at /opt/keycloak/data/import", name(keycloak)).isNotNull();
		Volume volume = keycloak.getSpec()
			.getTemplate()
			.getSpec()
			.getVolumes()
			.stream()
			.filter(v -> v.getName().equals(mount.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(volume.getConfigMap()).as("%s: the realm volume is a ConfigMap", name(keycloak)).isNotNull();
		ConfigMap realm = of(objects(overlay), ConfigMap.class).stream()
			.filter(c -> c.getMetadata().getName().equals(volume.getConfigMap().getName()))
			.findFirst()
			.orElse(null);
		assertThat(realm).as("%s: ConfigMap %s", overlay, volume.getConfigMap().getName()).isNotNull();
		assertThat(realm.getData()).as("%s: realm file", name(realm)).containsKey("vneid-realm.json");
		Map<String, Object> json = new JsonMapper().readValue(realm.getData().get("vneid-realm.json"), Map.class);
		assertThat(json.get("realm")).as("%s: the realm", name(realm)).isEqualTo("vneid");
		assertThat(realm.getData().get("vneid-realm.json")).as("%s: the containers' realm", name(realm))
			.isEqualTo(Files.readString(root.resolve("keycloak/vneid-realm.containers.json")));
		Map<String, String> environment = environment(overlay, keycloak);
		assertThat(environment.get("KC_HOSTNAME")).as("%s: KC_HOSTNAME", name(keycloak)).startsWith("https://login.");
		for (String service : SERVICES) {
			assertThat(environment(overlay, deployment(overlay, service)).get(
					"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
				.as("%s: the issuer %s expects is Keycloak's public name", overlay, service)
				.isEqualTo(environment.get("KC_HOSTNAME") + "/realms/vneid");
		}
		Set<String> placeholders = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+_CLIENT_SECRET)}").matcher(realm.getData().get("vneid-realm.json"));
		while (matcher.find()) {
			placeholders.add(matcher.group(1));
		}
		assertThat(placeholders).isNotEmpty();
		Set<String> fromSecrets = container.getEnv()
			.stream()
			.filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
			.map(EnvVar::getName)
			.collect(Collectors.toSet());
		assertThat(fromSecrets).as("%s: every client secret of the realm from a Secret", name(keycloak))
			.containsAll(placeholders);
	}

	// ---------------------------------------------------------------------------------------------
	// Rendering and reading

	/** The overlay as kubectl kustomize renders it; fails (never skips) without kubectl. */
	static String kustomize(String overlay) {
		Path kubectl = kubectl();
		Path out;
		Path err;
		try {
			out = Files.createTempFile("kustomize-" + overlay, ".yaml");
			err = Files.createTempFile("kustomize-" + overlay, ".err");
			try {
				Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
						root.resolve("deploy/kubernetes/overlays/" + overlay).toString())
					.redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(KUBECTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					fail("kubectl kustomize deploy/kubernetes/overlays/" + overlay + " took over "
							+ KUBECTL_TIMEOUT_SECONDS + " s");
				}
				if (process.exitValue() != 0) {
					fail("kubectl kustomize deploy/kubernetes/overlays/" + overlay + " exited with "
							+ process.exitValue() + ":\n" + Files.readString(err));
				}
				return Files.readString(out, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + kubectl + " kustomize", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Path kubectl() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return fail("kubectl is not on the PATH, and the Kubernetes manifests (deploy/kubernetes) are checked by "
				+ "rendering them with `kubectl kustomize`: run deploy/test-tools/install-kubectl.sh "
				+ "(Debian's kubernetes-client) and run the tests again");
	}

	private static List<HasMetadata> objects(String overlay) {
		return rendered.computeIfAbsent(overlay, (name) -> {
			List<String> problems = new ArrayList<>();
			List<HasMetadata> objects = Manifests.read(kustomize(name), problems);
			assertThat(problems).as("rendered %s: unknown kinds or fields", name).isEmpty();
			return objects;
		});
	}

	/**
	 * Reads multi-document YAML into fabric8's typed classes. A field the class does not have lands in
	 * its {@code additionalProperties}; any non-empty one, anywhere in the object graph, is a problem,
	 * and so is a kind or apiVersion the model does not know (it would be a GenericKubernetesResource).
	 * A number where the schema wants text (a label, an env value) is one too, as for the API server.
	 */
	static final class Manifests {

		private static final JsonMapper MAPPER = JsonMapper.builder()
			.withCoercionConfig(LogicalType.Textual, (config) -> config.setCoercion(CoercionInputShape.Integer,
					CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();

		private Manifests() {
		}

		static List<HasMetadata> read(String yaml, List<String> problems) {
			LoaderOptions options = new LoaderOptions();
			options.setCodePointLimit(16 * 1024 * 1024);
			List<HasMetadata> objects = new ArrayList<>();
			int index = 0;
			for (Object document : new Yaml(options).loadAll(yaml)) {
				index++;
				if (document == null) {
					continue;
				}
				if (!(document instanceof Map<?, ?> map)) {
					problems.add("document " + index + " is not an object");
					continue;
				}
				String what = map.get("kind") + " " + name(map) + " (" + map.get("apiVersion") + ")";
				if (!API_VERSIONS.contains(String.valueOf(map.get("apiVersion")))) {
					problems.add(what + ": apiVersion " + map.get("apiVersion") + " is not one of " + new TreeSet<>(API_VERSIONS));
					continue;
				}
				KubernetesResource resource;
				try {
					resource = MAPPER.convertValue(map, KubernetesResource.class);
				}
				catch (RuntimeException ex) {
					problems.add(what + ": does not fit its schema: " + ex.getMessage());
					continue;
				}
				if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata object)) {
					problems.add(what + ": kind " + map.get("kind") + " is unknown for apiVersion "
							+ map.get("apiVersion"));
					continue;
				}
				List<String> unknown = new ArrayList<>();
				unknownFields(object, "", unknown);
				if (!unknown.isEmpty()) {
					problems.add(map.get("kind") + " " + name(map) + ": unknown fields " + unknown);
					continue;
				}
				objects.add(object);
			}
			return objects;
		}

		private static String name(Map<?, ?> document) {
			return document.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name"))
					: "(no name)";
		}

		/** Walks fabric8's model reflectively: each {@code additionalProperties} must be empty. */
		private static void unknownFields(Object value, String path, List<String> unknown) {
			if (value == null) {
				return;
			}
			if (value instanceof Collection<?> collection) {
				int i = 0;
				for (Object element : collection) {
					unknownFields(element, path + "[" + i++ + "]", unknown);
				}
				return;
			}
			if (value instanceof Map<?, ?> map) {
				map.forEach((key, element) -> unknownFields(element, path + "." + key, unknown));
				return;
			}
			if (!value.getClass().getName().startsWith("io.fabric8.")) {
				return;
			}
			for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
							|| field.getType().isEnum() || field.getType() == String.class) {
						continue;
					}
					Object child;
					try {
						field.setAccessible(true);
						child = field.get(value);
					}
					catch (ReflectiveOperationException | RuntimeException ex) {
						continue;
					}
					if ("additionalProperties".equals(field.getName()) && child instanceof Map<?, ?> extra) {
						extra.keySet()
							.forEach((key) -> unknown.add((path.isEmpty() ? "" : path.substring(1) + ".") + key));
						continue;
					}
					unknownFields(child, path + "." + field.getName(), unknown);
				}
			}
		}

	}

	// ---------------------------------------------------------------------------------------------
	// Helpers

	private static List<String> platformApps() {
		List<String> apps = new ArrayList<>(SERVICES);
		apps.add("gateway");
		return apps;
	}

	private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static Deployment deployment(String overlay, String name) {
		return of(objects(overlay), Deployment.class).stream()
			.filter(d -> d.getMetadata().getName().equals(name))
			.findFirst()
			.orElseGet(() -> fail(overlay + ": no Deployment " + name));
	}

	private static Container onlyContainer(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).as("%s: containers", name(deployment)).hasSize(1);
		return containers.get(0);
	}

	private static String name(HasMetadata object) {
		return object.getKind() + " " + object.getMetadata().getName();
	}

	private static String env(Container container, String name) {
		return nullSafe(container.getEnv()).stream()
			.filter(v -> v.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst()
			.orElse(null);
	}

	/** The container's environment: its ConfigMaps (envFrom, configMapKeyRef) and literal values. */
	private static Map<String, String> environment(String overlay, Deployment deployment) {
		Map<String, ConfigMap> configMaps = of(objects(overlay), ConfigMap.class).stream()
			.collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
		Container container = onlyContainer(deployment);
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
			if (source.getConfigMapRef() != null) {
				ConfigMap configMap = configMaps.get(source.getConfigMapRef().getName());
				assertThat(configMap).as("%s: ConfigMap %s", name(deployment), source.getConfigMapRef().getName())
					.isNotNull();
				environment.putAll(configMap.getData());
			}
		}
		for (EnvVar variable : nullSafe(container.getEnv())) {
			if (variable.getValue() != null) {
				environment.put(variable.getName(), variable.getValue());
			}
			else if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
				ConfigMap configMap = configMaps.get(variable.getValueFrom().getConfigMapKeyRef().getName());
				if (configMap != null) {
					environment.put(variable.getName(),
							configMap.getData().get(variable.getValueFrom().getConfigMapKeyRef().getKey()));
				}
			}
		}
		return environment;
	}

	private static Set<String> configMapsReferenced(Deployment deployment) {
		Set<String> names = new TreeSet<>();
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		for (Container container : pod.getContainers()) {
			for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
				if (source.getConfigMapRef() != null) {
					names.add(source.getConfigMapRef().getName());
				}
			}
			for (EnvVar variable : nullSafe(container.getEnv())) {
				if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
					names.add(variable.getValueFrom().getConfigMapKeyRef().getName());
				}
			}
		}
		for (Volume volume : nullSafe(pod.getVolumes())) {
			if (volume.getConfigMap() != null) {
				names.add(volume.getConfigMap().getName());
			}
		}
		return names;
	}

	private static void assertManagementProbe(String what, Probe probe, String path, int managementPort,
			Container container) {
		assertThat(probe).as("%s probe", what).isNotNull();
		assertThat(probe.getHttpGet()).as("%s probe: httpGet", what).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as("%s probe: path", what).isEqualTo(path);
		Object port = probe.getHttpGet().getPort().getIntVal() != null ? probe.getHttpGet().getPort().getIntVal()
				: probe.getHttpGet().getPort().getStrVal();
		Integer number = port instanceof Integer i ? i
				: container.getPorts()
					.stream()
					.filter(p -> port.equals(p.getName()))
					.map(p -> p.getContainerPort())
					.findFirst()
					.orElse(null);
		assertThat(number).as("%s probe: on the management port", what).isEqualTo(managementPort);
	}

	private static BigDecimal bytes(Quantity quantity) {
		assertThat(quantity).isNotNull();
		return Quantity.getAmountInBytes(quantity);
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	private static int orOne(Integer value) {
		return value == null ? 10 : value;
	}

	private static int orThree(Integer value) {
		return value == null ? 3 : value;
	}

	private static <T> List<T> nullSafe(List<T> list) {
		return list == null ? List.of() : list;
	}

	@SuppressWarnings("unchecked")
	private static Object path(Map<String, Object> map, String... keys) {
		Object current = map;
		for (String key : keys) {
			current = ((Map<String, Object>) current).get(key);
			assertThat(current).as("key %s", key).isNotNull();
		}
		return current;
	}

	/** Whether the selector selects pods with these labels (matchLabels and matchExpressions In/NotIn/Exists). */
	private static boolean selects(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		if (selector.getMatchLabels() != null) {
			for (Map.Entry<String, String> entry : selector.getMatchLabels().entrySet()) {
				if (!entry.getValue().equals(labels.get(entry.getKey()))) {
					return false;
				}
			}
		}
		for (LabelSelectorRequirement requirement : nullSafe(selector.getMatchExpressions())) {
			String value = labels.get(requirement.getKey());
			boolean ok = switch (requirement.getOperator()) {
				case "In" -> value != null && requirement.getValues().contains(value);
				case "NotIn" -> value == null || !requirement.getValues().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> false;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/** The app names a peer's pod selector admits (matchLabels or an In expression on app.kubernetes.io/name). */
	private static Set<String> appNames(LabelSelector selector) {
		assertThat(selector).as("a peer without a pod selector").isNotNull();
		Set<String> names = new TreeSet<>();
		if (selector.getMatchLabels() != null && selector.getMatchLabels().containsKey("app.kubernetes.io/name")) {
			names.add(selector.getMatchLabels().get("app.kubernetes.io/name"));
		}
		for (LabelSelectorRequirement requirement : nullSafe(selector.getMatchExpressions())) {
			assertThat(requirement.getKey()).as("a peer selects by app name").isEqualTo("app.kubernetes.io/name");
			assertThat(requirement.getOperator()).as("a peer selects by app name").isEqualTo("In");
			names.addAll(requirement.getValues());
		}
		assertThat(names).as("a peer selecting pods by something else than their app name").isNotEmpty();
		return names;
	}

	private static boolean opens(NetworkPolicyIngressRule rule, int port) {
		List<NetworkPolicyPort> ports = nullSafe(rule.getPorts());
		if (ports.isEmpty()) {
			return true;
		}
		return ports.stream().anyMatch(p -> p.getPort() == null || Objects.equals(p.getPort().getIntVal(), port));
	}

	/** docker-compose.yml: who is given which *_SERVICE_URL (a host name = the compose service called). */
	@SuppressWarnings("unchecked")
	private static Map<String, Set<String>> composeCallers() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Set<String>> callers = new TreeMap<>();
		Pattern url = Pattern.compile("https?://([a-z0-9-]+):\\d+");
		services.forEach((caller, definition) -> {
			Object environment = ((Map<String, Object>) definition).get("environment");
			if (!(environment instanceof Map<?, ?> variables)) {
				return;
			}
			variables.forEach((name, value) -> {
				if (String.valueOf(name).endsWith("_SERVICE_URL")) {
					Matcher matcher = url.matcher(String.valueOf(value));
					if (matcher.find()) {
						callers.computeIfAbsent(matcher.group(1), (k) -> new TreeSet<>()).add(caller);
					}
				}
			});
		});
		return callers;
	}

	/** deploy/kubernetes/secrets.example.yaml: Secret name to its keys. */
	private static Map<String, Set<String>> exampleSecrets() throws IOException {
		Map<String, Set<String>> secrets = new TreeMap<>();
		for (Map<?, ?> document : exampleDocuments()) {
			assertThat(document.get("kind")).isEqualTo("Secret");
			Map<?, ?> data = (Map<?, ?>) document.get("stringData");
			secrets.put(String.valueOf(((Map<?, ?>) document.get("metadata")).get("name")),
					data.keySet().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)));
		}
		return secrets;
	}

	private static List<String> exampleSecretValues() throws IOException {
		List<String> values = new ArrayList<>();
		for (Map<?, ?> document : exampleDocuments()) {
			((Map<?, ?>) document.get("stringData")).values().forEach(v -> values.add(String.valueOf(v)));
		}
		return values;
	}

	private static List<Map<?, ?>> exampleDocuments() throws IOException {
		List<Map<?, ?>> documents = new ArrayList<>();
		for (Object document : new Yaml()
			.loadAll(Files.readString(root.resolve("deploy/kubernetes/secrets.example.yaml")))) {
			if (document instanceof Map<?, ?> map) {
				documents.add(map);
			}
		}
		return documents;
	}

}
