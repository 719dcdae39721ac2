package vn.gov.bca.platform.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rendering speed of the fee receipt, by hand (not a test: no timed assertion in the unit suite).
 * From the module folder, after {@code mvn -pl platform/document test-compile} and
 * {@code dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}:
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     vn.gov.bca.platform.document.RenderBenchmark [documents] [threads]</pre>
 * It also writes the receipt to {@code target/sample-receipt.pdf} to look at.
 */
public final class RenderBenchmark {

	private RenderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int documents = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		DocumentRenderer renderer = new DocumentRenderer();
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();

		byte[] sample = renderer.render(receipt);
		Files.write(Path.of("target", "sample-receipt.pdf"), sample);
		for (int i = 0; i < Math.max(50, documents / 4); i++) {
			renderer.render(receipt);
		}

		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<Integer>> sizes = new ArrayList<>();
		for (int i = 0; i < documents; i++) {
			sizes.add(pool.submit(() -> renderer.render(receipt).length));
		}
		long bytes = 0;
		for (Future<Integer> size : sizes) {
			bytes += size.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();

		System.out.printf("%d documents on %d thread(s) in %.2f s: %.1f documents/s, %.1f ms each;"
						+ " one receipt %d bytes (%.1f KB), average %d bytes; %d processors%n",
				documents, threads, seconds, documents / seconds, seconds * 1000 * threads / documents,
				sample.length, sample.length / 1024.0, bytes / documents, Runtime.getRuntime().availableProcessors());
	}
}
