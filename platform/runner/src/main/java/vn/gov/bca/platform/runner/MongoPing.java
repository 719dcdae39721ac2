package vn.gov.bca.platform.runner;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Sends {@code {ping: 1}} in one OP_MSG and checks the reply says {@code ok: 1}, so that the
 * runner needs no MongoDB driver: an open port alone does not prove the server answers.
 */
final class MongoPing {

	private static final int OP_MSG = 2013;

	private MongoPing() {
	}

	static boolean ping(String host, int port, int timeoutMillis) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			OutputStream out = socket.getOutputStream();
			out.write(pingMessage());
			out.flush();
			return isOk(readReply(socket.getInputStream()));
		}
		catch (IOException e) {
			return false;
		}
	}

	static byte[] pingMessage() {
		byte[] body = pingCommand();
		ByteBuffer message = ByteBuffer.allocate(16 + 4 + 1 + body.length).order(ByteOrder.LITTLE_ENDIAN);
		message.putInt(message.capacity()).putInt(1).putInt(0).putInt(OP_MSG);
		message.putInt(0); // flag bits
		message.put((byte) 0); // section kind 0: the command document
		message.put(body);
		return message.array();
	}

	private static byte[] pingCommand() {
		ByteArrayOutputStream elements = new ByteArrayOutputStream();
		elements.write(0x10); // int32
		writeCString(elements, "ping");
		writeInt(elements, 1);
		elements.write(0x02); // string
		writeCString(elements, "$db");
		byte[] admin = "admin".getBytes(StandardCharsets.UTF_8);
		writeInt(elements, admin.length + 1);
		elements.writeBytes(admin);
		elements.write(0);
		byte[] content = elements.toByteArray();
		ByteArrayOutputStream document = new ByteArrayOutputStream();
		writeInt(document, 4 + content.length + 1);
		document.writeBytes(content);
		document.write(0);
		return document.toByteArray();
	}

	private static byte[] readReply(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] lengthBytes = data.readNBytes(4);
		if (lengthBytes.length < 4) {
			throw new IOException("closed");
		}
		int length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
		if (length < 21 || length > 16 * 1024 * 1024) {
			throw new IOException("bad reply length " + length);
		}
		byte[] rest = data.readNBytes(length - 4);
		if (rest.length < length - 4) {
			throw new IOException("short reply");
		}
		return rest;
	}

	/**
	 * The reply is an OP_MSG whose document holds {@code ok: 1.0}. A byte search for the double
	 * element {@code ok} is enough for a health check and spares a BSON reader.
	 */
	static boolean isOk(byte[] replyAfterLength) {
		ByteBuffer reply = ByteBuffer.wrap(replyAfterLength).order(ByteOrder.LITTLE_ENDIAN);
		if (reply.getInt(8) != OP_MSG) {
			return false;
		}
		byte[] okElement = { 0x01, 'o', 'k', 0 };
		for (int i = 12; i + okElement.length + 8 <= replyAfterLength.length; i++) {
			if (reply.get(i) == okElement[0] && reply.get(i + 1) == okElement[1] && reply.get(i + 2) == okElement[2]
					&& reply.get(i + 3) == okElement[3]) {
				return reply.getDouble(i + okElement.length) == 1.0;
			}
		}
		return false;
	}

	private static void writeCString(ByteArrayOutputStream out, String value) {
		out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		out.write(0);
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
	}
}
