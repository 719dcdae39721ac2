package vn.gov.bca.platform.web.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * Guards a connection while a request's head (request line and headers) is being read, which
 * Reactor Netty does not bound: its idle timeout restarts at every byte, so a client trickling one
 * header line every few seconds kept a connection (and its memory) forever (review finding 8).
 * Once the first byte of a request has arrived, the whole head must arrive within the header
 * timeout or the connection is closed; waiting between requests is the idle timeout's business.
 * <p>
 * A head the codec refuses as too large (request line over the hard limit, headers over
 * {@code server.max-http-request-header-size}) is answered here with a problem+json body (414,
 * 431) instead of Reactor Netty's empty one; its headers were not read, so it is in Vietnamese.
 */
public final class EdgeTimeouts {

	private static final Logger log = LoggerFactory.getLogger(EdgeTimeouts.class);

	static final String RAW = "vneid.edge.raw";

	static final String HEAD = "vneid.edge.head";

	private final long headerTimeoutMillis;

	private final byte[] uriTooLong;

	private final byte[] headersTooLarge;

	/**
	 * @param headerTimeout how long a request's head may take once it has started
	 * @param uriTooLong the problem+json body of a 414
	 * @param headersTooLarge the problem+json body of a 431
	 */
	public EdgeTimeouts(Duration headerTimeout, String uriTooLong, String headersTooLarge) {
		this.headerTimeoutMillis = headerTimeout.toMillis();
		this.uriTooLong = uriTooLong.getBytes(StandardCharsets.UTF_8);
		this.headersTooLarge = headersTooLarge.getBytes(StandardCharsets.UTF_8);
	}

	/** Adds the guard around the HTTP/1.1 codec of a new connection (nothing for other protocols). */
	public void install(ChannelPipeline pipeline) {
		if (pipeline.get(NettyPipeline.HttpCodec) == null) {
			return;
		}
		State state = new State();
		pipeline.addBefore(NettyPipeline.HttpCodec, RAW, new RawBytes(state));
		pipeline.addAfter(NettyPipeline.HttpCodec, HEAD, new Heads(state));
	}

	private final class State {

		private boolean awaitingHead = true;

		private ScheduledFuture<?> timer;

		void firstBytes(ChannelHandlerContext ctx) {
			if (this.awaitingHead && this.timer == null && EdgeTimeouts.this.headerTimeoutMillis > 0) {
				this.timer = ctx.executor().schedule(() -> {
					if (this.awaitingHead && ctx.channel().isActive()) {
						log.debug("Closing a connection from {}: request head not complete in {} ms",
								ctx.channel().remoteAddress(), EdgeTimeouts.this.headerTimeoutMillis);
						ctx.channel().close();
					}
				}, EdgeTimeouts.this.headerTimeoutMillis, TimeUnit.MILLISECONDS);
			}
		}

		void headRead() {
			this.awaitingHead = false;
			cancel();
		}

		void responded() {
			this.awaitingHead = true;
		}

		void cancel() {
			if (this.timer != null) {
				this.timer.cancel(false);
				this.timer = null;
			}
		}

	}

	/** Before the codec: sees the first bytes of each request. */
	private static final class RawBytes extends ChannelInboundHandlerAdapter {

		private final State state;

		RawBytes(State state) {
			this.state = state;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof ByteBuf buffer && buffer.isReadable()) {
				this.state.firstBytes(ctx);
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			this.state.cancel();
			ctx.fireChannelInactive();
		}

	}

	/** After the codec: sees each decoded request head and the end of each response. */
	private final class Heads extends ChannelDuplexHandler {

		private final State state;

		Heads(State state) {
			this.state = state;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest request) {
				this.state.headRead();
				if (request.decoderResult().isFailure()) {
					Throwable cause = request.decoderResult().cause();
					if (cause instanceof TooLongHttpLineException) {
						refuse(ctx, msg, HttpResponseStatus.REQUEST_URI_TOO_LONG, EdgeTimeouts.this.uriTooLong);
						return;
					}
					if (cause instanceof TooLongHttpHeaderException
							|| (cause instanceof TooLongFrameException && !(cause instanceof TooLongHttpLineException))) {
						refuse(ctx, msg, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
								EdgeTimeouts.this.headersTooLarge);
						return;
					}
				}
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof LastHttpContent) {
				this.state.responded();
			}
			ctx.write(msg, promise);
		}

		private void refuse(ChannelHandlerContext ctx, Object request, HttpResponseStatus status, byte[] body) {
			ReferenceCountUtil.release(request);
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
					Unpooled.wrappedBuffer(body));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
				.set(HttpHeaderNames.CONTENT_LANGUAGE, "vi")
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
				.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			// The rest of the head was not read: the connection cannot be reused.
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
		}

	}

}
