package vn.gov.bca.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.gateway.routing.GatewayProperties;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * Body limits at the edge, per kind of route, before and while a body is proxied (review finding
 * 3: 6–13 MB anonymous bodies reached the services, which answered 413 and closed the connection;
 * the gateway counted each as a failure and ~25 of them took a route down for everyone).
 * <ul>
 * <li>a declared {@code Content-Length} over the route's limit is refused at once;</li>
 * <li>every body is counted as it streams (chunked bodies have no length to check), and refused
 * with 413 as soon as it passes the limit — nothing more of it is read or forwarded;</li>
 * <li>limits: anonymous {@code /api/*}{@code /public/**} 64 KB (lookups, registration, payment
 * callbacks need kilobytes), multipart uploads to an attachments path 12 MB, every other call
 * 512 KB (the services' own JSON codec limit), all at most {@code max-request-size}.</li>
 * </ul>
 * The services keep their own limits; the gateway's are the same or tighter so that a body a
 * service would refuse never reaches it.
 */
public class RequestSizeFilter implements GlobalFilter, Ordered {

	/** The bytes of the request body read so far ({@link AtomicLong}). */
	public static final String BODY_READ = RequestSizeFilter.class.getName() + ".bodyRead";

	private static final PathPattern PUBLIC = PathPatternParser.defaultInstance.parse("/api/*/public/**");

	private final GatewayProperties properties;

	private final Problems problems;

	private final List<PathPattern> uploadPaths;

	public RequestSizeFilter(GatewayProperties properties, Problems problems) {
		this.properties = properties;
		this.problems = problems;
		this.uploadPaths = properties.getBodyLimits()
			.getUploadPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitFor(request);
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return tooLarge(exchange);
		}
		boolean hasBody = declared > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
		if (!hasBody) {
			return chain.filter(exchange);
		}
		AtomicLong seen = new AtomicLong();
		exchange.getAttributes().put(BODY_READ, seen);
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().handle((DataBuffer buffer, reactor.core.publisher.SynchronousSink<DataBuffer> sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit) {
						DataBufferUtils.release(buffer);
						sink.error(new BodyTooLargeException("Request body over " + limit + " bytes"));
						return;
					}
					sink.next(buffer);
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume(BodyTooLargeException::isCauseOf, (ex) -> tooLarge(exchange));
	}

	long limitFor(ServerHttpRequest request) {
		GatewayProperties.BodyLimits limits = this.properties.getBodyLimits();
		PathContainer path = request.getPath().pathWithinApplication();
		long limit;
		if (isMultipart(request) && this.uploadPaths.stream().anyMatch((pattern) -> pattern.matches(path))) {
			limit = limits.getUpload().toBytes();
		}
		else if (PUBLIC.matches(path)) {
			limit = limits.getPublicApi().toBytes();
		}
		else {
			limit = limits.getApi().toBytes();
		}
		return Math.min(limit, this.properties.getMaxRequestSize().toBytes());
	}

	private static boolean isMultipart(ServerHttpRequest request) {
		MediaType type;
		try {
			type = request.getHeaders().getContentType();
		}
		catch (RuntimeException ex) {
			return false;
		}
		return type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return this.problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0],
				Map.of());
	}

}
