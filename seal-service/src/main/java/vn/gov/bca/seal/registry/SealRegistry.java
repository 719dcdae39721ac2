package vn.gov.bca.seal.registry;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.data.files.GridFsFiles;
import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.data.sequence.Sequences;

/**
 * The seal registry ({@code seal_registry}, specimens in the GridFS bucket {@code seal_specimens}):
 * each registered seal with its events in one document, the numbers of seals and certificates per
 * unit and year, and the specimen images by their hash.
 */
@Component
public class SealRegistry {

	static final String COLLECTION = "seal_registry";

	private static final String SPECIMENS = "seal_specimens";

	private static final Logger log = LoggerFactory.getLogger(SealRegistry.class);

	private final AggregateStore<Seal> seals;

	private final ReactiveMongoTemplate mongo;

	private final ReactiveMongoDatabaseFactory databases;

	private final Sequences numbers;

	SealRegistry(AggregateStores stores, ReactiveMongoTemplate mongo, ReactiveMongoDatabaseFactory databases) {
		this.seals = stores.forCollection(Seal.class, COLLECTION);
		this.mongo = mongo;
		this.databases = databases;
		this.numbers = new Sequences(mongo, "seal_sequences");
	}

	/** An organisation's seals, and a certificate's seal (the public lookup). mongo-java-server ignores them. */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
				.named("organisation"))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("certificate.number", Sort.Direction.ASC).named("certificate")))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("formerCertificates.number", Sort.Direction.ASC).named("former-certificates")))
			.subscribe(null, (ex) -> log.warn("Could not declare the seal registry's indexes: {}", ex.toString()));
	}

	public Mono<Seal> find(String number) {
		return this.seals.findById(number);
	}

	/** The organisation's seals, newest first. */
	public Flux<Seal> ofOrganisation(String organisationId) {
		return this.mongo.find(Query.query(Criteria.where("organisationId").is(organisationId))
			.with(Sort.by(Sort.Direction.DESC, "registeredOn"))
			.limit(200), Seal.class, COLLECTION);
	}

	/**
	 * One of the organisation's active seals of that kind, if it has any: what the rules ask (whether
	 * there is one, and which to name), read as one document however many there are.
	 */
	public Mono<Seal> anyActive(String organisationId, SealKind kind) {
		return this.mongo.findOne(Query.query(Criteria.where("organisationId")
			.is(organisationId)
			.and("kind")
			.is(kind.name())
			.and("status")
			.is(Seal.Status.ACTIVE.name())), Seal.class, COLLECTION);
	}

	/** The seal a certificate number is or was of. */
	public Mono<Seal> byCertificate(String certificateNumber) {
		return this.mongo.findOne(Query.query(new Criteria().orOperator(
				Criteria.where("certificate.number").is(certificateNumber),
				Criteria.where("formerCertificates.number").is(certificateNumber))), Seal.class, COLLECTION);
	}

	/** Enters a seal; entering the same seal again (a repeated follow-up) leaves the first. */
	public Mono<Seal> register(Seal.Registered registered) {
		return this.seals.findById(registered.seal().number())
			.switchIfEmpty(Mono.defer(() -> this.seals.insert(registered.seal(), List.of(registered.event()))
				.onErrorResume(DuplicateKeyException.class, (raced) -> this.seals.findById(registered.seal().number()))));
	}

	public Mono<Seal> change(String number, Transition<Seal> transition) {
		return this.seals.change(number, transition);
	}

	/** A seal's registration number: {@code <unit>-MD-<year>-<six digits>}, counted per unit and year. */
	public Mono<String> nextSealNumber(String unitCode, LocalDate day) {
		return this.numbers.next("seal-" + unitCode + "-" + day.getYear())
			.map((next) -> "%s-MD-%d-%06d".formatted(unitCode, day.getYear(), next));
	}

	/** A certificate's number: {@code <unit>-GCN-<year>-<six digits>}, counted per unit and year. */
	public Mono<String> nextCertificateNumber(String unitCode, LocalDate day) {
		return this.numbers.next("certificate-" + unitCode + "-" + day.getYear())
			.map((next) -> "%s-GCN-%d-%06d".formatted(unitCode, day.getYear(), next));
	}

	/**
	 * Keeps a seal's specimen image under the seal's number: stored once (a repeated follow-up finds
	 * the file it stored), with its media type and SHA-256 (as the uploaded file's were found).
	 */
	public Mono<Seal.Specimen> storeSpecimen(String sealNumber, String mediaType, String sha256, byte[] image) {
		return bucket().flatMap((bucket) -> Mono.from(bucket.find(Filters.eq("filename", sealNumber)).first())
			.map((file) -> new Seal.Specimen(file.getObjectId().toHexString(), file.getMetadata().getString("mediaType"),
					file.getMetadata().getString("sha256"), file.getLength()))
			.switchIfEmpty(Mono.defer(() -> Mono
				.from(bucket.uploadFromPublisher(sealNumber, Flux.just(ByteBuffer.wrap(image)),
						new GridFSUploadOptions().metadata(new Document("mediaType", mediaType).append("sha256", sha256))))
				.map((id) -> new Seal.Specimen(id.toHexString(), mediaType, sha256, image.length)))));
	}

	/** The specimen's bytes. */
	public Mono<byte[]> specimen(Seal.Specimen specimen) {
		return bucket().flatMap((bucket) -> GridFsFiles.read(bucket, new ObjectId(specimen.fileId()), specimen.size()));
	}

	private Mono<GridFSBucket> bucket() {
		return this.databases.getMongoDatabase().map((database) -> GridFSBuckets.create(database, SPECIMENS));
	}

}
