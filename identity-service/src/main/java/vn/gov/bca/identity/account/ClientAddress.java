package vn.gov.bca.identity.account;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client a request comes from, for per-address limits. Behind the gateway the
 * service sees the gateway's address; the gateway appends the address it saw to
 * {@code X-Forwarded-For}. With {@code trustedProxies} proxies in front of the service (1: the
 * gateway), the client is the entry that many from the right: entries further left were written
 * by the client and could be forged. Without enough entries (a direct call), the remote address.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(ServerHttpRequest request, int trustedProxies) {
		List<String> hops = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		if (trustedProxies > 0 && hops.size() >= trustedProxies) {
			return hops.get(hops.size() - trustedProxies);
		}
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
