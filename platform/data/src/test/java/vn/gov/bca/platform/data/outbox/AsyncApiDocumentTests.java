package vn.gov.bca.platform.data.outbox;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events/asyncapi.yaml and the committed event schemas agree: every schema file of the
 * repository is the payload of a message, and every {@code $ref} leads somewhere.
 */
class AsyncApiDocumentTests {

	private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

	private static final Path DOCUMENT = REPOSITORY.resolve("docs/events/asyncapi.yaml");

	@Test
	void isAnAsyncApi3DocumentWithChannelsAndOperations() throws IOException {
		Map<String, Object> document = read();

		assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
		assertThat(map(document, "channels")).containsKeys("identity.events.v1", "residence.events.v1",
				"passport.events.v1", "seal.events.v1", "payment.events.v1");
		assertThat(map(document, "operations")).isNotEmpty();
	}

	@Test
	void everySchemaFileOfTheRepositoryIsThePayloadOfAMessage() throws IOException {
		Set<Path> referenced = new TreeSet<>();
		for (String ref : refs(read())) {
			if (!ref.startsWith("#")) {
				referenced.add(DOCUMENT.getParent().resolve(ref).normalize());
			}
		}

		assertThat(schemaFiles()).isNotEmpty().allSatisfy((file) -> assertThat(referenced)
			.as("%s is the payload of no message in docs/events/asyncapi.yaml", REPOSITORY.relativize(file))
			.contains(file));
	}

	@Test
	void everyReferenceLeadsToAFileOrAPartOfTheDocument() throws IOException {
		Map<String, Object> document = read();
		List<String> broken = new ArrayList<>();
		for (String ref : refs(document)) {
			boolean found = ref.startsWith("#/") ? resolves(document, ref)
					: Files.isRegularFile(DOCUMENT.getParent().resolve(ref));
			if (!found) {
				broken.add(ref);
			}
		}
		assertThat(broken).as("$refs of docs/events/asyncapi.yaml that lead nowhere").isEmpty();
	}

	/** The committed schemas: under src/main/resources of every module, not generated copies in target. */
	private static List<Path> schemaFiles() throws IOException {
		try (Stream<Path> files = Files.walk(REPOSITORY)) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.filter((file) -> REPOSITORY.relativize(file).toString().replace('\\', '/').matches(
						"([^/]+/)+src/main/resources/" + EventSchemas.FOLDER + "[^/]+/[^/]+\\.json"))
				.sorted()
				.toList();
		}
	}

	private static Map<String, Object> read() throws IOException {
		try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
			return new Yaml().load(reader);
		}
	}

	private static List<String> refs(Object node) {
		List<String> refs = new ArrayList<>();
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("$ref".equals(key)) {
					refs.add((String) value);
				}
				else {
					refs.addAll(refs(value));
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((value) -> refs.addAll(refs(value)));
		}
		return refs;
	}

	private static boolean resolves(Map<String, Object> document, String pointer) {
		Object node = document;
		for (String part : pointer.substring(2).split("/")) {
			if (!(node instanceof Map<?, ?> map)) {
				return false;
			}
			node = map.get(part.replace("~1", "/").replace("~0", "~"));
		}
		return node != null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> document, String key) {
		return (Map<String, Object>) document.get(key);
	}

}
