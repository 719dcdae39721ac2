package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring files of the deployment (deploy/prometheus) against the code: Prometheus scrapes
 * every service and the gateway on its management port, and every alert names a metric the code
 * registers (a counter {@code a.b} is {@code a_b_total}, a timer {@code a.b} is {@code a_b_seconds_*}, a
 * gauge {@code a.b} is {@code a_b}).
 */
class MonitoringConfigTests {

	private static final Path root = RepoRoot.find();

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryServiceOnItsManagementPort() throws IOException {
		Map<String, Object> config = new Yaml().load(Files.readString(root.resolve("deploy/prometheus/prometheus.yml")));
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		assertThat(jobs.get(0).get("metrics_path")).isEqualTo("/actuator/prometheus");
		List<String> targets = (List<String>) ((List<Map<String, Object>>) jobs.get(0).get("static_configs")).get(0)
			.get("targets");
		for (Service service : Service.values()) {
			assertThat(targets).contains(service.module() + ":" + service.managementPort().defaultPort());
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertNamesAMetricTheCodeRegisters() throws IOException {
		Set<String> exported = exportedMetrics();
		assertThat(exported).contains("vneid_kafka_dead_letters_total", "vneid_national_portal_sync_lag_seconds_max",
				"vneid_outbox_pending");
		Map<String, Object> alerts = new Yaml().load(Files.readString(root.resolve("deploy/prometheus/alerts.yml")));
		List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) alerts.get("groups"))
			.get(0)
			.get("rules");
		assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
		for (Map<String, Object> rule : rules) {
			Matcher metric = Pattern.compile("vneid_[a-z_]+").matcher(String.valueOf(rule.get("expr")));
			while (metric.find()) {
				assertThat(exported).as("alert %s", rule.get("alert")).contains(metric.group());
			}
		}
	}

	@Test
	void everyPanelOfTheDashboardNamesAMetricTheCodeRegisters() throws IOException {
		Set<String> exported = exportedMetrics();
		var dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(root.resolve("deploy/grafana/dichvucong-bca.json").toFile());
		assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
		int named = 0;
		for (var panel : dashboard.path("panels")) {
			for (var target : panel.path("targets")) {
				Matcher metric = Pattern.compile("vneid_[a-z_]+").matcher(target.path("expr").asText());
				while (metric.find()) {
					named++;
					assertThat(exported).as("panel %s", panel.path("title").asText()).contains(metric.group());
				}
			}
		}
		assertThat(named).isPositive();
	}

	/** The Prometheus names of the counters and timers registered in the code. */
	private static Set<String> exportedMetrics() throws IOException {
		Set<String> names = new TreeSet<>();
		Pattern registered = Pattern.compile("\\.(counter|timer)\\(\\s*\"(vneid\\.[a-z.]+)\"");
		List<Path> sources = new ArrayList<>();
		List<Path> modules = new ArrayList<>(List.of(root.resolve("platform")));
		for (Service service : Service.values()) {
			modules.add(root.resolve(service.module()));
		}
		for (Path module : modules) {
			try (Stream<Path> files = Files.walk(module)) {
				files.filter((path) -> path.toString().endsWith(".java") && path.toString().contains("/src/main/java/"))
					.forEach(sources::add);
			}
		}
		// Gauges, and the counted gauges of platform-data's CollectionCounts.
		Pattern gauge = Pattern.compile("(?:Gauge\\.builder|CollectionCounts\\.Count)\\(\\s*\"(vneid\\.[a-z.]+)\"");
		for (Path source : sources) {
			Matcher gauges = gauge.matcher(Files.readString(source));
			while (gauges.find()) {
				names.add(gauges.group(1).replace('.', '_'));
			}
			Matcher found = registered.matcher(Files.readString(source));
			while (found.find()) {
				String base = found.group(2).replace('.', '_');
				if (found.group(1).equals("counter")) {
					names.add(base + "_total");
				}
				else {
					names.add(base + "_seconds_max");
					names.add(base + "_seconds_count");
					names.add(base + "_seconds_sum");
				}
			}
		}
		return names;
	}

}
