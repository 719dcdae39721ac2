package vn.gov.bca.platform.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes an event to a topic as anyone who may write to it could (another service, a forger): the
 * record a service's consumer reads, with the CloudEvents headers its outbox relay sets.
 */
public final class TopicWriter {

	private TopicWriter() {
	}

	/**
	 * @param type the CloudEvents type, e.g. {@code vn.gov.bca.payment.PaymentSucceeded}
	 * @param source the CloudEvents source, e.g. {@code /fine-payment-service}
	 */
	public static void send(String bootstrapServers, String topic, String key, String eventId, String type,
			String source, String data) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
			record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_source", source.getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing to " + topic, ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Cannot write to " + topic, ex.getCause());
		}
	}

}
