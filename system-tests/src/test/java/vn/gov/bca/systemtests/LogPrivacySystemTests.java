package vn.gov.bca.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.runner.LocalStack;
import vn.gov.bca.platform.runner.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services and the gateway wrote to their logs during all the system tests holds no
 * personal data: no 12-digit personal id, no demo citizen's name, no token. It runs after every
 * other system test class ({@code @Order}, junit-platform.properties), on the logs they produced.
 */
@Order(Integer.MAX_VALUE)
class LogPrivacySystemTests {

	/** Twelve digits standing alone (not inside a longer code such as a payment order's PO2612027562...). */
	private static final Pattern PERSONAL_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|Bearer [A-Za-z0-9._-]{20,}");

	@Test
	void noLogOfAServiceOrTheGatewayHoldsAPersonalIdANameOrAToken() throws IOException {
		Set<String> logged = Set.of(Service.values()).stream().map(Service::module).collect(java.util.stream.Collectors.toSet());
		List<String> names = JsonPath.read(Files.readString(Path.of("..", "identity-service", "src", "main", "resources",
				"masterdata", "demo-citizens.json"), StandardCharsets.UTF_8), "$..fullName");
		assertThat(names).contains("Nguyễn Văn An");
		List<String> findings = new ArrayList<>();
		int lines = 0;
		for (LocalStack.StackProcess process : SystemStack.get().processes()) {
			if (!logged.contains(process.name())) {
				continue;
			}
			for (String written : Files.readAllLines(process.log(), StandardCharsets.UTF_8)) {
				lines++;
				// A request id's last group can be twelve digits by chance.
				String line = UUID.matcher(written).replaceAll("<uuid>");
				Matcher id = PERSONAL_ID.matcher(line);
				if (id.find()) {
					findings.add(process.name() + ": personal id " + id.group() + " in: " + line);
				}
				if (TOKEN.matcher(line).find()) {
					findings.add(process.name() + ": a token in: " + line);
				}
				for (String name : names) {
					if (line.contains(name)) {
						findings.add(process.name() + ": the name " + name + " in: " + line);
					}
				}
			}
		}
		assertThat(lines).as("log lines read").isPositive();
		assertThat(findings).isEmpty();
	}

}
