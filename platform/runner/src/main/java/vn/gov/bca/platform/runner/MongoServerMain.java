package vn.gov.bca.platform.runner;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB-protocol server of the local stack, run in its own JVM by {@link LocalStack}:
 * {@code MongoServerMain <port> h2 <file>} or {@code MongoServerMain <port> memory}.
 */
public final class MongoServerMain {

	private MongoServerMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: MongoServerMain <port> h2 <file> | MongoServerMain <port> memory");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		de.bwaldvogel.mongo.MongoBackend backend = backend(args);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		System.out.println("mongo-java-server " + backend + " listening on 127.0.0.1:" + port);

		CountDownLatch stopped = new CountDownLatch(1);
		// SIGTERM from the runner: close the H2 store so its last writes reach the file.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("shutting down " + backend);
			server.shutdown();
			backend.close();
			stopped.countDown();
		}, "mongo-shutdown"));
		stopped.await();
	}

	// Named in full: the runner's own MongoBackend enum is the option that chooses it.
	private static de.bwaldvogel.mongo.MongoBackend backend(String[] args) throws Exception {
		switch (args[1]) {
			case "memory":
				return new KeyedMemoryBackend();
			case "h2":
				if (args.length != 3) {
					throw new IllegalArgumentException("h2 needs a file name");
				}
				Path file = Path.of(args[2]).toAbsolutePath();
				Files.createDirectories(file.getParent());
				try {
					return new H2Backend(file.toString());
				}
				catch (RuntimeException damaged) {
					// A store cut off mid-write (the process killed with -9, a full disk) stays unreadable.
					System.err.println("The MongoDB data file " + file + " cannot be opened (" + damaged
							+ "). If it is damaged, ./run --clean starts afresh (it deletes .local/data).");
					throw damaged;
				}
			default:
				throw new IllegalArgumentException("Unknown backend '" + args[1] + "' (h2 or memory)");
		}
	}
}
