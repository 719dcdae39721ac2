package vn.gov.bca.platform.runner;

import java.nio.file.Path;

/** The single-node KRaft broker's configuration: one JVM acting as broker and controller. */
record KafkaConfig(int port, int controllerPort, Path logDir) {

	String bootstrapServers() {
		return "localhost:" + port;
	}

	String serverProperties() {
		return String.join("\n",
				"# Written by the local runner at each start; edit KafkaConfig, not this file.",
				"process.roles=broker,controller",
				"node.id=1",
				// A static voter set lets `kafka-storage format` run without --standalone and
				// keeps the format step identical on every start.
				"controller.quorum.voters=1@localhost:" + controllerPort,
				"listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
				"advertised.listeners=PLAINTEXT://localhost:" + port,
				"inter.broker.listener.name=PLAINTEXT",
				"controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + logDir.toAbsolutePath().toString().replace('\\', '/'),
				// A single node can hold one replica of anything.
				"offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1",
				// The default 50 partitions make the first consumer-group join slow on two cores.
				"offsets.topic.num.partitions=5",
				"transaction.state.log.num.partitions=5",
				// As in the containers: each service declares its own topics (TopicDeclarations).
				"auto.create.topics.enable=false",
				"num.partitions=3",
				"group.initial.rebalance.delay.ms=0",
				"log.retention.hours=168",
				"");
	}

	/** Logs to stdout, which the runner sends to kafka.log; Kafka 4 logs through Log4j 2. */
	static String log4j2Properties() {
		return String.join("\n",
				"status = warn",
				"appender.console.type = Console",
				"appender.console.name = STDOUT",
				"appender.console.layout.type = PatternLayout",
				"appender.console.layout.pattern = [%d] %p %m (%c)%n",
				"rootLogger.level = info",
				"rootLogger.appenderRef.stdout.ref = STDOUT",
				// The controller and the state change logs repeat every metadata record at INFO.
				"logger.controller.name = org.apache.kafka.controller",
				"logger.controller.level = warn",
				"logger.stateChange.name = state.change.logger",
				"logger.stateChange.level = warn",
				"");
	}
}
