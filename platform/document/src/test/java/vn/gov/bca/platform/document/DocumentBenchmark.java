package vn.gov.bca.platform.document;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.DocumentSigner;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.document.signature.UnitKeys;

/**
 * What a document costs, by hand (not a test: no timed assertion in the suite): the fee receipt
 * rendered (Thymeleaf, openhtmltopdf, PDF/A-3u), rendered and signed (what the register stores),
 * and its signature checked (what a verification does), each on 1 and 2 threads after a warm-up:
 * documents per second, wall and CPU milliseconds per document, and the sizes. From the
 * repository root:
 * <pre>./mvnw -q -pl platform/document test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.gov.bca.platform.document.DocumentBenchmark -Dexec.args=300</pre>
 * It prints a Markdown table (the one in the module's README) and writes the signed receipt to
 * {@code target/sample-receipt.pdf} to look at.
 */
public final class DocumentBenchmark {

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private DocumentBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int documents = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
		Path keystore = Files.createTempFile("benchmark", ".p12");
		char[] password = "benchmark".toCharArray();
		DevelopmentCa.write(keystore, password, List.of("PA08-HN"), Instant.now().minusSeconds(60),
				DevelopmentCa.KeyType.EC_P256);
		UnitKeys keys = UnitKeys.load(keystore, password);
		DocumentRenderer renderer = new DocumentRenderer();
		DocumentSigner signer = new DocumentSigner(keys);
		SignatureCheck check = new SignatureCheck(keys.trustedCertificates(), Clock.systemUTC());
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();
		String unit = "Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội";

		byte[] rendered = renderer.render(receipt);
		byte[] signed = signer.sign(rendered, "PA08-HN", unit, Instant.now());
		// target/test-classes/.. : the module's target folder, wherever Maven was started.
		Path target = Path.of(DocumentBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
		Files.write(target.resolve("sample-receipt.pdf"), signed);

		List<Phase> phases = List.of(new Phase("render", () -> renderer.render(receipt).length),
				new Phase("render + sign", () -> signer.sign(renderer.render(receipt), "PA08-HN", unit, Instant.now()).length),
				new Phase("check the signature", () -> check.verify(signed).valid() ? 1 : 0));
		StringBuilder table = new StringBuilder(
				"| phase | threads | documents | documents/s | wall ms each | CPU ms each |\n|---|---|---|---|---|---|\n");
		for (Phase phase : phases) {
			run(phase, Math.max(60, documents / 3), 1); // warm-up
			for (int threads : new int[] { 1, 2 }) {
				table.append(run(phase, documents, threads)).append('\n');
			}
		}
		System.out.printf("%n%s%nOne receipt: %.1f KB rendered, %.1f KB signed; %d processors, %s %s%n", table,
				rendered.length / 1024.0, signed.length / 1024.0, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		Files.deleteIfExists(keystore);
	}

	record Phase(String name, Supplier<Integer> work) {
	}

	private static String run(Phase phase, int documents, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<Long>> cpu = new ArrayList<>();
		for (int i = 0; i < documents; i++) {
			cpu.add(pool.submit(() -> {
				long before = CPU.getCurrentThreadCpuTime();
				phase.work().get();
				return CPU.getCurrentThreadCpuTime() - before;
			}));
		}
		long cpuNanos = 0;
		for (Future<Long> each : cpu) {
			cpuNanos += each.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return "| %s | %d | %d | %.1f | %.1f | %.1f |".formatted(phase.name(), threads, documents, documents / seconds,
				seconds * 1000 * threads / documents, cpuNanos / 1e6 / documents);
	}

}
