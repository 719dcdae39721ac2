package vn.gov.bca.platform.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain socket to a server, for what an HTTP client library will not send: a request head
 * trickled line by line, a URI longer than the server's limits, a body longer than its
 * Content-Length.
 */
public final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	public RawHttp(int port, Duration readTimeout) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout((int) readTimeout.toMillis());
		this.out = this.socket.getOutputStream();
		this.in = this.socket.getInputStream();
	}

	/** Sends these bytes as they are; false when the server had closed the connection. */
	public boolean send(String text) {
		return send(text.getBytes(StandardCharsets.UTF_8));
	}

	public boolean send(byte[] bytes) {
		try {
			this.out.write(bytes);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Everything the server sends until it closes the connection or the read timeout passes;
	 * {@link #closedByServer()} then tells which.
	 */
	public String readAll() throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = this.in.read(buffer)) != -1) {
				received.write(buffer, 0, read);
			}
			this.closed = true;
		}
		catch (SocketTimeoutException ex) {
			this.closed = false;
		}
		catch (IOException ex) {
			// A reset is a close too.
			this.closed = true;
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	private boolean closed;

	public boolean closedByServer() {
		return this.closed;
	}

	/** True when the server has closed the connection within the socket's read timeout. */
	public boolean waitForClose() throws IOException {
		readAll();
		return this.closed;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
