package vn.gov.bca.platform.web.context;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client a request comes from, for per-address limits (the gateway's rate limit,
 * identity-service's registration limit): the TCP peer, unless the deployment puts proxies in front
 * (for a service, the gateway is one). Each trusted proxy appends the address it
 * received the request from to {@code X-Forwarded-For}, so with {@code n} trusted proxies the client
 * is the n-th address from the right of the chain "X-Forwarded-For entries, then the peer". What a
 * client writes itself into the header is to the left of that and never read: with no trusted
 * proxy, a client sending its own {@code X-Forwarded-For} is limited by its real address.
 * <p>
 * This holds only if clients cannot reach the gateway around the proxies (the network's business:
 * with trusted proxies configured, only they may connect to it).
 */
public final class ClientAddress {

	private final int trustedProxies;

	public ClientAddress(int trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
		return of(peer, request.getHeaders().get("X-Forwarded-For"));
	}

	/**
	 * @param peer the TCP peer's address
	 * @param forwardedFor the {@code X-Forwarded-For} header lines, in order (null when absent)
	 */
	public String of(String peer, List<String> forwardedFor) {
		if (this.trustedProxies == 0) {
			return peer;
		}
		List<String> chain = new ArrayList<>();
		if (forwardedFor != null) {
			for (String line : forwardedFor) {
				for (String entry : line.split(",")) {
					String address = normalise(entry);
					if (!address.isEmpty()) {
						chain.add(address);
					}
				}
			}
		}
		chain.add(peer);
		int index = chain.size() - 1 - this.trustedProxies;
		// Fewer entries than proxies: the request did not pass them all; the leftmost is all we have.
		return chain.get(Math.max(index, 0));
	}

	/** {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::1]:443} → the address alone. */
	static String normalise(String entry) {
		String address = entry.trim();
		if (address.startsWith("[")) {
			int end = address.indexOf(']');
			return (end > 0) ? address.substring(1, end) : address;
		}
		int colon = address.indexOf(':');
		if (colon > 0 && colon == address.lastIndexOf(':')) {
			return address.substring(0, colon);
		}
		return address;
	}

}
