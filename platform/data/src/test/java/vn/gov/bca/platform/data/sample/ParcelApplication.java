package vn.gov.bca.platform.data.sample;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.security.Caller;

/** A tiny service on the platform: an aggregate with an outbox, an API with Idempotency-Key, a consumer. */
@SpringBootApplication
public class ParcelApplication {

	@Bean
	AggregateStore<Parcel> parcels(AggregateStores stores) {
		return stores.forCollection(Parcel.class, "parcels");
	}

	@RestController
	static class ParcelController {

		private final AtomicInteger labels = new AtomicInteger();

		private final AggregateStore<Parcel> parcels;

		ParcelController(AggregateStore<Parcel> parcels) {
			this.parcels = parcels;
		}

		/** A multipart upload, as the dossiers' attachments are: what was received, in bytes. */
		@PostMapping(path = "/api/parcels/labels", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
		Mono<ResponseEntity<LabelView>> label(@RequestPart("file") FilePart file, @RequestPart("kind") String kind,
				Caller caller) {
			return DataBufferUtils.join(file.content()).map((buffer) -> {
				int size = buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				return ResponseEntity.status(201).body(new LabelView(file.filename(), kind, size, this.labels.incrementAndGet()));
			});
		}

		@PostMapping("/api/parcels")
		Mono<ResponseEntity<ParcelView>> register(@Valid @RequestBody NewParcel request, Caller caller) {
			Parcel.Registration registration = Parcel.register(java.util.UUID.randomUUID().toString(),
					request.location());
			return this.parcels.insert(registration.parcel(), java.util.List.of(registration.event()))
				.map((parcel) -> ResponseEntity.created(URI.create("/api/parcels/" + parcel.id()))
					.body(new ParcelView(parcel.id(), parcel.location())));
		}

	}

	record NewParcel(@NotBlank @Pattern(regexp = "[A-Z]{2}-[0-9]{2}") String location) {
	}

	record LabelView(String filename, String kind, int size, int number) {
	}

	record ParcelView(String id, String location) {
	}

	/** Counts the ParcelRegistered events it handled, once per event id; fails on a parcel called POISON. */
	@Component
	static class ParcelCounter {

		final AtomicInteger handled = new AtomicInteger();

		private final ProcessedEvents processedEvents;

		ParcelCounter(ProcessedEvents processedEvents) {
			this.processedEvents = processedEvents;
		}

		// A test class whose context differs may read a topic of its own with a group of its own, so that
		// no other context's consumer takes its partitions or meets its events.
		@KafkaListener(topics = "${parcel.counter.topic:parcel.events.v1}", groupId = "${parcel.counter.group:parcel-counter}")
		Mono<Void> on(ConsumerRecord<String, String> record) {
			return this.processedEvents.handleOnce("parcel-counter", record, (event) -> Mono.fromRunnable(() -> {
				if (event.data().contains("POISON")) {
					// An event this consumer can never handle, however often it is given.
					throw new IllegalStateException("poison parcel " + record.key());
				}
				if (event.type().endsWith("ParcelRegistered")) {
					this.handled.incrementAndGet();
				}
			})).then();
		}

	}

}
