package vn.gov.bca.platform.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The text {@code ./run} prints once everything is healthy. */
final class Summary {

	static final String DEMO_PASSWORD = "Vneid@2026";
	static final String DEMO_USER = "nguyenvanan";

	private Summary() {
	}

	static String render(LocalStackOptions options, List<LocalStack.StackProcess> processes,
			Map<String, Long> residentSet, Duration startupTime, RealmFile realm, String tokenUrl, String gatewayUrl,
			String keycloakUrl) {
		StringBuilder text = new StringBuilder();
		long total = residentSet.values().stream().mapToLong(Long::longValue).sum();
		text.append(String.format("%nLocal stack ready in %.1f s, %d processes, total RSS %s%n%n",
				startupTime.toMillis() / 1000.0, processes.size(), ResidentSet.format(total)));
		text.append(String.format("  %-22s %-28s %9s  %s%n", "NAME", "URL", "RSS", "LOG"));
		for (LocalStack.StackProcess process : processes) {
			text.append(String.format("  %-22s %-28s %9s  %s%n", process.name(), process.url(),
					ResidentSet.format(residentSet.getOrDefault(process.name(), 0L)),
					relative(options.repoRoot(), process.log())));
		}
		List<String> management = new java.util.ArrayList<>();
		for (Service service : Service.values()) {
			if (processes.stream().anyMatch(process -> process.name().equals(service.module()))) {
				management.add(service.module() + " " + options.port(service.managementPort()));
			}
		}
		if (!management.isEmpty()) {
			text.append(String.format("%nActuator (health details, metrics) on the management ports only, never through the"
					+ " gateway: http://localhost:<port>/actuator for %s%n", String.join(", ", management)));
		}
		if (processes.stream().anyMatch(process -> process.name().equals(Service.IDENTITY.module()))) {
			text.append(String.format("One-time codes of account registration (dev notification sink): %s%n",
					relative(options.repoRoot(), ServiceEnvironment.notificationsDir(options))));
		}
		text.append(String.format("%nKeycloak admin console: %s/admin (admin / admin, dev only)%n", keycloakUrl));
		processes.stream()
				.filter(process -> process.name().equals(PaymentSandboxProcess.NAME))
				.findFirst()
				.ifPresent(sandbox -> text.append(String.format(
						"Payment sandbox (stands in for PayGov): %s, merchant %s; callback modes: POST"
								+ " %s/sandbox/control%n",
						sandbox.url(), PaymentSandboxProcess.MERCHANT_ID, sandbox.url())));
		processes.stream()
				.filter(process -> process.name().equals(NationalPortalSandboxProcess.NAME))
				.findFirst()
				.ifPresent(sandbox -> text.append(String.format(
						"National portal sandbox (stands in for the Cổng dịch vụ công quốc gia): %s, the dossiers it"
								+ " holds; misbehaviour: POST %s/sandbox/mode%n",
						sandbox.url(), sandbox.url())));
		if (!realm.accounts().isEmpty()) {
			text.append(String.format("%nDemo accounts (password %s):%n", DEMO_PASSWORD));
			for (RealmFile.Account account : realm.accounts()) {
				text.append(String.format("  %-24s %-40s %s%n", account.username(), String.join(", ", account.roles()),
						details(account)));
			}
		}
		text.append(String.format("%nA token for %s from the dev-only client %s, then a call through the gateway:%n",
				DEMO_USER, RealmFile.DEV_SCRIPTS_CLIENT));
		text.append("  ").append(tryItCommand(tokenUrl, gatewayUrl, realm)).append(System.lineSeparator());
		text.append(String.format("%nData in %s (./run --clean wipes it). Ctrl-C stops everything.%n",
				relative(options.repoRoot(), options.dataDir())));
		return text.toString();
	}

	/** Works without jq: sed cuts the access token out of Keycloak's JSON answer. */
	static String tryItCommand(String tokenUrl, String gatewayUrl, RealmFile realm) {
		String secret = realm.devScriptsSecret().map(value -> " -d client_secret=" + value).orElse("");
		return "TOKEN=$(curl -s -d grant_type=password -d client_id=" + RealmFile.DEV_SCRIPTS_CLIENT + secret
				+ " -d username=" + DEMO_USER + " --data-urlencode 'password=" + DEMO_PASSWORD + "' " + tokenUrl
				+ " | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p') && curl -s -H \"Authorization: Bearer $TOKEN\" "
				+ gatewayUrl + "/api/identity/session; echo";
	}

	private static String details(RealmFile.Account account) {
		StringBuilder details = new StringBuilder();
		if (!account.personalId().isEmpty()) {
			details.append("personal_id ").append(account.personalId());
		}
		if (!account.identityLevel().isEmpty()) {
			details.append(details.length() > 0 ? ", " : "").append("level ").append(account.identityLevel());
		}
		return details.toString();
	}

	private static String relative(Path root, Path path) {
		return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
	}
}
