package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;

class MongoPingTests {

	@Test
	void aMongoServerAnswersThePing() {
		MongoServer server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = server.bind();
		try {
			assertThat(MongoPing.ping("127.0.0.1", address.getPort(), 2000)).isTrue();
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void aClosedPortOrASilentServerIsNotHealthy() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		assertThat(MongoPing.ping("127.0.0.1", port, 500)).isFalse();

		try (ServerSocket silent = new ServerSocket(0)) {
			assertThat(MongoPing.ping("127.0.0.1", silent.getLocalPort(), 500)).isFalse();
		}
	}

	@Test
	void theCommandIsAnOpMsgWithItsOwnLength() {
		byte[] message = MongoPing.pingMessage();
		int length = (message[0] & 0xff) | (message[1] & 0xff) << 8 | (message[2] & 0xff) << 16;
		int opCode = (message[12] & 0xff) | (message[13] & 0xff) << 8;

		assertThat(length).isEqualTo(message.length);
		assertThat(opCode).isEqualTo(2013);
	}
}
