package vn.gov.bca.platform.document.register;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.data.files.GridFsFiles;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.register.IssuedDocument.Issued;
import vn.gov.bca.platform.document.signature.DocumentSigner;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * A service's register of the documents it issued (collection {@code <domain>_documents}, the PDFs
 * in the GridFS bucket {@code documents}): issues each document once per key, rendered, signed by
 * the issuing unit and stored before its {@code DocumentIssued} event is written with it; the same
 * document fetched again is the same bytes. Rendering and signing are CPU work done off the event
 * loop ({@link Schedulers#boundedElastic()}).
 */
public class DocumentRegister {

	/** Crockford's base32: no I, L, O, U, so an id read off paper is not mistyped as another. */
	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final Pattern ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{16}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	static final String BUCKET = "documents";

	private final SecureRandom random = new SecureRandom();

	private final AggregateStore<IssuedDocument> store;

	private final ReactiveMongoTemplate mongo;

	private final ReactiveMongoDatabaseFactory databases;

	private final DocumentRenderer renderer;

	private final DocumentSigner signer;

	private final SignatureCheck signatures;

	private final Clock clock;

	private final String verificationBase;

	/** How long the check of a stored file's signature is remembered (the trust list and the time may change). */
	static final Duration CHECK_MEMORY = Duration.ofMinutes(10);

	private final CheckMemory checked;

	/**
	 * @param verificationBase the public URL a document's id is appended to
	 * ({@code https://dichvucong.bca.gov.vn/api/payment/public/documents/})
	 */
	public DocumentRegister(AggregateStores stores, String collection, ReactiveMongoTemplate mongo,
			ReactiveMongoDatabaseFactory databases, DocumentRenderer renderer, DocumentSigner signer,
			SignatureCheck signatures, Clock clock, String verificationBase) {
		this.store = stores.forCollection(IssuedDocument.class, collection);
		this.mongo = mongo;
		this.databases = databases;
		this.renderer = renderer;
		this.signer = signer;
		this.signatures = signatures;
		this.clock = clock;
		this.verificationBase = verificationBase.endsWith("/") ? verificationBase : verificationBase + "/";
		this.checked = new CheckMemory(10_000, CHECK_MEMORY, clock);
	}

	/** The lookups' indexes (public id, holder, representative, reference, hash); the key is the id, unique already. */
	public Mono<Void> createIndexes() {
		return Flux.concat(index("documentId"), index("holder.personalId"), index("holder.representative"),
				index("reference"), index("sha256"))
			.then();
	}

	private Mono<String> index(String field) {
		return this.mongo.indexOps(this.store.collection())
			.createIndex(new Index(field, Sort.Direction.ASC).named(field.replace('.', '_')));
	}

	/**
	 * The document of {@code request.key()}: the one issued before, or a new one, rendered with its
	 * QR code, signed by the issuing unit and stored with its {@code DocumentIssued} event. Two
	 * requests for the same key at once store one document; the other gets it. A request that
	 * supersedes another key marks that document SUPERSEDED by this one (also when this one existed).
	 */
	public Mono<IssuedDocument> issue(DocumentRequest request) {
		return findByKey(request.key()).switchIfEmpty(Mono.defer(() -> create(request)))
			.flatMap((document) -> (request.supersedes() == null) ? Mono.just(document)
					: this.store.change(request.supersedes(), (previous) -> previous.supersede(document.id(), this.clock.instant()))
						.thenReturn(document));
	}

	private Mono<IssuedDocument> create(DocumentRequest request) {
		String id = random(16);
		String check = random(8);
		Instant now = this.clock.instant();
		AdministrativeDocument content = request.content().withVerificationUrl(verificationUrl(id, check));
		return Mono
			.fromCallable(() -> this.signer.sign(this.renderer.render(request.template(), content),
					request.issuer().code(), request.issuer().name(), now))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((pdf) -> upload(id, request, pdf).flatMap((fileId) -> {
				Issued issued = IssuedDocument.issue(id, check, request, now, fileId.toHexString(), sha256(pdf), pdf.length);
				return this.store.insert(issued.document(), List.of(issued.event()))
					.onErrorResume(DuplicateKeyException.class,
							(issuedMeanwhile) -> deleteFile(fileId).then(findByKey(request.key())));
			}));
	}

	/** The URL of the QR code: the id and its check value. */
	public String verificationUrl(IssuedDocument document) {
		return verificationUrl(document.id(), document.check());
	}

	private String verificationUrl(String id, String check) {
		return this.verificationBase + id + "?c=" + check;
	}

	public Mono<IssuedDocument> findByKey(String key) {
		return this.store.findById(key);
	}

	/** A document by its public id (empty for an id of the wrong form). */
	public Mono<IssuedDocument> find(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return Mono.empty();
		}
		return this.mongo.findOne(Query.query(Criteria.where("documentId").is(id)), IssuedDocument.class,
				this.store.collection());
	}

	/** For the holder and the unit's officers ({@link IssuedDocument#requireReadableBy}); 404 otherwise. */
	public Mono<IssuedDocument> find(String id, Caller caller) {
		return find(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("document"))).map((document) -> {
			document.requireReadableBy(caller);
			return document;
		});
	}

	/** The signed PDF, as stored when issued. */
	public Mono<byte[]> pdf(IssuedDocument document) {
		ObjectId fileId = new ObjectId(document.fileId());
		return bucket().flatMap((bucket) -> GridFsFiles.read(bucket, fileId, document.size()));
	}

	/** The documents of the caller or of those they represent, newest first. */
	public Flux<IssuedDocument> ofHolder(Caller caller) {
		if (caller.personalId() == null) {
			return Flux.empty();
		}
		return this.mongo.find(Query.query(new Criteria().orOperator(Criteria.where("holder.personalId").is(caller.personalId()),
				Criteria.where("holder.representative").is(caller.personalId())))
			.with(Sort.by(Sort.Direction.DESC, "issuedAt"))
			.limit(200), IssuedDocument.class, this.store.collection());
	}

	/** The documents of a dossier or order that the caller may read, oldest first. */
	public Flux<IssuedDocument> ofReference(String reference, Caller caller) {
		return ofReference(reference).filter((document) -> {
				try {
					document.requireReadableBy(caller);
					return true;
				}
				catch (ApiException refused) {
					return false;
				}
			});
	}

	/**
	 * Every document of a dossier or order, oldest first, for the service's own use (what it tells
	 * the national portal); never an answer to a caller as such.
	 */
	public Flux<IssuedDocument> ofReference(String reference) {
		return this.mongo.find(Query.query(Criteria.where("reference").is(reference))
			.with(Sort.by(Sort.Direction.ASC, "issuedAt"))
			.limit(200), IssuedDocument.class, this.store.collection());
	}

	/** Revoked by an officer of its unit's province, with the reason the verifier is shown. */
	public Mono<IssuedDocument> revoke(String id, String reason, Caller officer) {
		return find(id, officer)
			.flatMap((document) -> this.store.change(document.key(),
					(current) -> current.revoke(reason, officer, this.clock.instant())))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("document")));
	}

	/**
	 * What anyone learns from the id and check value of a document's QR code: 404 for a wrong
	 * check value, as for an id that does not exist, so that ids cannot be tried. The signature of
	 * the stored file is checked again each time.
	 */
	public Mono<Verification> verify(String id, String check) {
		return find(id).filter((document) -> document.checks(check))
			.flatMap(this::verification)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("document")));
	}

	/**
	 * The document as its stored file is now: read back, hashed, and its signature checked. The
	 * check of a file is remembered by the file's SHA-256 for {@link #CHECK_MEMORY}: the same bytes
	 * verify the same way, and a file changed in the store has another hash, so it is checked anew.
	 */
	private Mono<Verification> verification(IssuedDocument document) {
		return pdf(document).publishOn(Schedulers.boundedElastic()).map((pdf) -> {
			String hash = sha256(pdf);
			SignatureCheck.Result signature = this.checked.get(hash, () -> this.signatures.verify(pdf));
			return Verification.of(document, hash, signature);
		});
	}

	/**
	 * Whether a file with this SHA-256 (of its bytes, hex) is a document of this register: a file
	 * changed by one byte has another hash and is {@link Verification.Result#NOT_GENUINE}. The hash
	 * stands for the file itself: only who holds the file can know it.
	 */
	public Mono<Verification> verifyHash(String sha256) {
		String hash = (sha256 == null) ? "" : sha256.strip().toLowerCase(Locale.ROOT);
		if (!SHA256.matcher(hash).matches()) {
			return Mono.error(new ApiException(vn.gov.bca.platform.web.error.ProblemType.VALIDATION, "document.hash-invalid")
				.withError("sha256", "document.hash-invalid"));
		}
		return this.mongo.findOne(Query.query(Criteria.where("sha256").is(hash)), IssuedDocument.class,
				this.store.collection())
			.flatMap(this::verification)
			.defaultIfEmpty(Verification.notGenuine());
	}

	private Mono<GridFSBucket> bucket() {
		return this.databases.getMongoDatabase().map((database) -> GridFSBuckets.create(database, BUCKET));
	}

	private Mono<ObjectId> upload(String id, DocumentRequest request, byte[] pdf) {
		Document metadata = new Document("documentId", id).append("key", request.key())
			.append("mediaType", "application/pdf");
		return bucket().flatMap((bucket) -> Mono.from(bucket.uploadFromPublisher(id + ".pdf",
				Flux.just(ByteBuffer.wrap(pdf)), new GridFSUploadOptions().metadata(metadata).chunkSizeBytes(255 * 1024))));
	}

	private Mono<Void> deleteFile(ObjectId fileId) {
		return bucket().flatMap((bucket) -> Mono.from(bucket.delete(fileId)));
	}

	private String random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(out);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The signature checks of the most recently verified files, by SHA-256, each for a while. */
	static final class CheckMemory {

		private record Entry(SignatureCheck.Result result, Instant until) {
		}

		private final LinkedHashMap<String, Entry> entries;

		private final Duration lifetime;

		private final Clock clock;

		CheckMemory(int capacity, Duration lifetime, Clock clock) {
			this.lifetime = lifetime;
			this.clock = clock;
			this.entries = new LinkedHashMap<>(256, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
					return size() > capacity;
				}
			};
		}

		SignatureCheck.Result get(String sha256, Supplier<SignatureCheck.Result> check) {
			Instant now = this.clock.instant();
			synchronized (this.entries) {
				Entry entry = this.entries.get(sha256);
				if (entry != null && now.isBefore(entry.until())) {
					return entry.result();
				}
			}
			SignatureCheck.Result result = check.get();
			synchronized (this.entries) {
				this.entries.put(sha256, new Entry(result, now.plus(this.lifetime)));
			}
			return result;
		}

	}

}
