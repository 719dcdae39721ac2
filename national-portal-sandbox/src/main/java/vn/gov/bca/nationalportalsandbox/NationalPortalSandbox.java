package vn.gov.bca.nationalportalsandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the National Public Service Portal (Cổng dịch vụ công quốc gia) wherever the real one
 * cannot be used: {@code ./run}, the containers and the tests of the ministry's sync. It speaks the
 * portal's side of the dossier integration as public integrations document it — a session from
 * {@code POST /api/auth}, then {@code POST /api/service} with {@code DongBoHoSoMC} (a dossier),
 * {@code CapNhatTienDoHoSoMC} (its progress), {@code TraCuuHoSo} (look one up),
 * {@code DongBoThuTuc} / {@code LayThuTuc} (the procedures) — keeps what it accepted in a journal
 * across restarts, and misbehaves on purpose: down, slow, answering errors ({@link #setMode}), or
 * with every session expired ({@link Sessions#expireAll}). A page at {@code /} lists the dossiers it
 * holds with their status history.
 *
 * <p>Plain JDK HTTP server and Jackson, no Spring: started in a test in milliseconds.
 */
public final class NationalPortalSandbox implements AutoCloseable {

	private final Settings settings;

	private final Holdings holdings = new Holdings();

	private final Sessions sessions;

	private final Optional<Journal> journal;

	private final ExecutorService requestThreads;

	private final int port;

	private volatile Behaviour behaviour = new Behaviour(Mode.NORMAL, Duration.ZERO);

	private HttpServer server;

	private final Routes routes;

	/** The mode the API answers in, and the delay of {@link Mode#SLOW}. */
	public record Behaviour(Mode mode, Duration delay) {
	}

	private NationalPortalSandbox(Settings settings, Clock clock) {
		this.settings = settings;
		this.sessions = new Sessions(settings.sessionLifetime(), clock);
		this.journal = settings.dataFile().map(Journal::open);
		this.journal.ifPresent((file) -> file.replay(this.holdings));
		this.routes = new Routes(this, new Operations(settings, this.sessions, this.holdings, this.journal, clock));
		AtomicInteger threads = new AtomicInteger();
		this.requestThreads = Executors.newFixedThreadPool(32, (runnable) -> {
			Thread thread = new Thread(runnable, "portal-sandbox-http-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			this.server = bind(settings.port());
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException("Cannot listen on " + settings.bindAddress() + ":" + settings.port(), ex);
		}
		this.port = this.server.getAddress().getPort();
		this.server.start();
	}

	/** Replays the journal, if any, and listens. */
	public static NationalPortalSandbox start(Settings settings) {
		return new NationalPortalSandbox(settings, Clock.systemUTC());
	}

	/** The same with a clock of the test's (sessions expire by it). */
	public static NationalPortalSandbox start(Settings settings, Clock clock) {
		return new NationalPortalSandbox(settings, clock);
	}

	/** {@code java -jar national-portal-sandbox.jar}, set up from the environment ({@link Settings#fromEnvironment}). */
	public static void main(String[] args) {
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %5$s%6$s%n");
		}
		NationalPortalSandbox sandbox = start(Settings.fromEnvironment(System.getenv()));
		Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "national-portal-sandbox-shutdown"));
		System.out.println("National portal sandbox (stands in for the Cổng dịch vụ công quốc gia) listening on port "
				+ sandbox.port() + ", account " + sandbox.settings().username() + ", data "
				+ sandbox.settings().dataFile().map(Object::toString).orElse("in memory") + " ("
				+ sandbox.holdings().dossiers().size() + " dossiers)");
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public Settings settings() {
		return this.settings;
	}

	public void setMode(Mode mode, Duration delay) {
		this.behaviour = new Behaviour(mode, (mode == Mode.SLOW) ? delay : Duration.ZERO);
	}

	public Mode mode() {
		return this.behaviour.mode();
	}

	Behaviour behaviour() {
		return this.behaviour;
	}

	/** Every session issued so far stops being accepted: the client must sign in again. */
	public int expireSessions() {
		return this.sessions.expireAll();
	}

	Sessions sessions() {
		return this.sessions;
	}

	Holdings holdings() {
		return this.holdings;
	}

	/** Stops listening (connections refused) until {@link #restart()}; what it holds is kept. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	/** Listens again on the same port. */
	public synchronized void restart() {
		stop();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			try {
				this.server = bind(this.port);
				this.server.start();
				return;
			}
			catch (BindException ex) {
				if (System.nanoTime() > deadline) {
					throw new UncheckedIOException("Cannot listen again on port " + this.port, ex);
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot listen again on port " + this.port, ex);
			}
		}
	}

	private HttpServer bind(int onPort) throws IOException {
		HttpServer bound = HttpServer.create(new InetSocketAddress(this.settings.bindAddress(), onPort), 128);
		bound.setExecutor(this.requestThreads);
		bound.createContext("/", this.routes);
		return bound;
	}

	@Override
	public synchronized void close() {
		stop();
		this.requestThreads.shutdownNow();
		this.journal.ifPresent(Journal::close);
	}

}
