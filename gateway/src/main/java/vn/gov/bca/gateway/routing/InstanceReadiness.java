package vn.gov.bca.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Whether each configured instance of each service is ready, from its {@code /readyz} every
 * {@link #INTERVAL}: a stopped instance, or one shutting down (Boot answers 503 once graceful
 * shutdown starts), is given no more requests within that time. Asked with the JDK's HTTP client on
 * a thread of its own, so that the checks neither wait for nor hold up the gateway's event loops.
 * An instance not yet checked counts as ready.
 */
class InstanceReadiness implements SmartLifecycle {

	static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(InstanceReadiness.class);

	private final SimpleDiscoveryProperties discovery;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Set<URI> unready = ConcurrentHashMap.newKeySet();

	private volatile ScheduledExecutorService checker;

	InstanceReadiness(SimpleDiscoveryProperties discovery) {
		this.discovery = discovery;
	}

	boolean isReady(URI instance) {
		return !this.unready.contains(instance);
	}

	/** Checks every configured instance once; run every {@link #INTERVAL} while the gateway runs. */
	void checkAll() {
		for (Map.Entry<String, List<InstanceProperties>> service : this.discovery.getInstances().entrySet()) {
			for (InstanceProperties instance : service.getValue()) {
				URI uri = instance.getUri();
				if (uri == null) {
					continue;
				}
				boolean ready = answersReady(uri);
				boolean changed = ready ? this.unready.remove(uri) : this.unready.add(uri);
				if (changed) {
					log.info("{} instance {} is {}", service.getKey(), uri, ready ? "ready again" : "not ready: no more requests");
				}
			}
		}
	}

	private boolean answersReady(URI instance) {
		HttpRequest request = HttpRequest.newBuilder(instance.resolve("/readyz")).timeout(Duration.ofSeconds(1)).GET().build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return isReady(instance);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "instance-readiness");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::checkAll, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		this.checker = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.checker;
		if (executor != null) {
			executor.shutdownNow();
		}
		this.checker = null;
	}

	@Override
	public boolean isRunning() {
		return this.checker != null;
	}

}
