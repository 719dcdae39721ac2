package vn.gov.bca.platform.data.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import vn.gov.bca.platform.web.context.RequestContext;

/**
 * An event as a consumer receives it: the CloudEvents attributes from the record's headers and
 * the JSON data. Consumers read the fields they need from {@link #data()} and ignore the rest.
 */
public record IncomingEvent(String id, String type, String source, String subject, String time, String data,
		RequestContext requestContext) {

	public static IncomingEvent from(ConsumerRecord<String, String> record) {
		String id = header(record, "ce_id");
		if (id == null) {
			throw new IllegalArgumentException("Record without ce_id at " + record.topic() + "/" + record.partition()
					+ "@" + record.offset());
		}
		RequestContext context = RequestContext.continueFrom(header(record, "X-Request-Id"),
				header(record, "traceparent"));
		return new IncomingEvent(id, header(record, "ce_type"), header(record, "ce_source"),
				header(record, "ce_subject"), header(record, "ce_time"), record.value(), context);
	}

	/**
	 * The event's simple type ({@code PaymentSucceeded} of {@code vn.gov.bca.payment.PaymentSucceeded}),
	 * read from the record's header alone: a consumer skips what is not its own before claiming it.
	 * Empty when the record has none.
	 */
	public static String simpleTypeOf(ConsumerRecord<String, String> record) {
		return simple(header(record, "ce_type"));
	}

	/** The simple type of this event, empty when it has none. */
	public String simpleType() {
		return simple(this.type);
	}

	private static String simple(String type) {
		return (type != null) ? type.substring(type.lastIndexOf('.') + 1) : "";
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
