package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTests {

	@TempDir
	Path dir;

	@Test
	void refusesToStartWhenAPortIsTakenAndStartsNothing() throws Exception {
		LocalStackOptions options = LocalStackOptions.defaults(RepoRoot.find())
				.withPortOffset(21_000)
				.withInfrastructureOnly()
				.withDataDir(dir.resolve("data"))
				.withLogDir(dir.resolve("logs"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port(Port.KAFKA)));
			LocalStack stack = new LocalStack(options, new PrintStream(out, true, StandardCharsets.UTF_8));

			assertThatThrownBy(stack::start)
					.hasMessageContaining("Port(s) already in use: Kafka " + options.port(Port.KAFKA));
			assertThat(stack.processes()).isEmpty();
			assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("starting");
		}
	}

	@Test
	void urlsFollowThePorts() {
		LocalStack stack = new LocalStack(LocalStackOptions.defaults(Path.of("/repo")).withPortOffset(10_000));

		assertThat(stack.gatewayUrl()).isEqualTo("http://localhost:18080");
		assertThat(stack.serviceUrl(Service.SEAL)).isEqualTo("http://localhost:18084");
		assertThat(stack.keycloakUrl()).isEqualTo("http://localhost:18180");
		assertThat(stack.paymentSandboxUrl()).isEqualTo("http://localhost:18086");
		assertThat(stack.issuerUri()).isEqualTo("http://localhost:18180/realms/vneid");
		assertThat(stack.tokenUrl()).isEqualTo("http://localhost:18180/realms/vneid/protocol/openid-connect/token");
		assertThat(stack.kafkaBootstrapServers()).isEqualTo("localhost:19092");
		assertThat(stack.mongoUri("identity")).isEqualTo("mongodb://localhost:37017/identity");
	}

	@Test
	void aUsersMongoDbGetsOneDatabasePerService() {
		LocalStack stack = new LocalStack(
				LocalStackOptions.defaults(Path.of("/repo")).withExternalMongo("mongodb://db:27017/?replicaSet=rs0"));

		assertThat(stack.mongoUri("seal")).isEqualTo("mongodb://db:27017/seal?replicaSet=rs0");
	}
}
