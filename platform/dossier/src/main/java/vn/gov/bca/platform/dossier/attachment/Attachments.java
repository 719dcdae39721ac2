package vn.gov.bca.platform.dossier.attachment;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;

import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.files.GridFsFiles;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierAccess;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Files of dossiers in MongoDB GridFS (bucket {@code attachments}): PDF, JPEG or PNG only, the type
 * found from the bytes (415 otherwise), at most {@code maxSize} bytes each (413) and
 * {@code maxCount} files per dossier (422). Only the applicant and officers of the handling unit's
 * province may download one; to other citizens it does not exist (404), other officers are refused
 * (403). Each file says what it is ({@code kind}): one of the procedure's documents by code, or
 * {@code OTHER}; anything else is a 422 (it is stored and shown to officers, so never free text).
 */
public class Attachments {

	static final String BUCKET = "attachments";

	/** A file that is none of the procedure's listed documents. */
	public static final String OTHER = "OTHER";

	/** A document code as catalogues write them (TK01, PHOTO, BIRTH-CERTIFICATE; letters, digits, - and _), 40 characters at most. */
	private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");

	private final java.time.Clock clock;

	private final ReactiveMongoDatabaseFactory databases;

	private final long maxSize;

	private final int maxCount;

	public Attachments(ReactiveMongoDatabaseFactory databases, long maxSize, int maxCount, java.time.Clock clock) {
		this.clock = clock;
		this.databases = databases;
		this.maxSize = maxSize;
		this.maxCount = maxCount;
	}

	public long maxSize() {
		return this.maxSize;
	}

	private Mono<GridFSBucket> bucket() {
		return this.databases.getMongoDatabase().map((database) -> GridFSBuckets.create(database, BUCKET));
	}

	/**
	 * Stores a file of a dossier of that procedure: its kind must be one of the procedure's documents
	 * or {@link #OTHER} (422 naming {@code kind} otherwise).
	 */
	public Mono<Attachment> store(Dossier dossier, Procedure procedure, String kind, String filename, byte[] content,
			Caller uploader) {
		return store(dossier, procedure, kind, filename, content, uploader, null);
	}

	/** {@link #store(Dossier, Procedure, String, String, byte[], Caller)} of a signed file, with the signature checked. */
	public Mono<Attachment> store(Dossier dossier, Procedure procedure, String kind, String filename, byte[] content,
			Caller uploader, Attachment.Signature signature) {
		if (kind == null || (!OTHER.equals(kind) && procedure.document(kind).isEmpty())) {
			return Mono.error(invalidKind(kind));
		}
		return store(dossier, kind, filename, content, uploader, signature);
	}

	/**
	 * Stores a file of the dossier, uploaded by its applicant or an officer of its unit (checked by
	 * the caller of this method with the dossier at hand); the kind must look like a document code.
	 */
	public Mono<Attachment> store(Dossier dossier, String kind, String filename, byte[] content, Caller uploader) {
		return store(dossier, kind, filename, content, uploader, null);
	}

	private Mono<Attachment> store(Dossier dossier, String kind, String filename, byte[] content, Caller uploader,
			Attachment.Signature signature) {
		if (kind == null || !KIND.matcher(kind).matches()) {
			return Mono.error(invalidKind(kind));
		}
		if (content.length > this.maxSize) {
			return Mono.error(new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "attachment.too-large", this.maxSize));
		}
		String mediaType = MediaTypes.sniff(content);
		if (mediaType == null) {
			return Mono.error(new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "attachment.type-not-accepted"));
		}
		String name = safeName(filename);
		String sha256 = sha256(content);
		Date now = Date.from(this.clock.instant());
		Document metadata = new Document("dossierCode", dossier.code()).append("kind", kind)
			.append("mediaType", mediaType)
			.append("sha256", sha256)
			.append("uploadedBy", uploader.subject());
		if (signature != null) {
			metadata.append("signer", signature.signer())
				.append("signedAt", (signature.signedAt() != null) ? Date.from(signature.signedAt()) : null);
		}
		return bucket().flatMap((bucket) -> count(bucket, dossier.code()).flatMap((count) -> {
			if (count >= this.maxCount) {
				return Mono.error(ApiException.unprocessable("attachment.too-many", this.maxCount));
			}
			return Mono.from(bucket.uploadFromPublisher(name, Flux.just(ByteBuffer.wrap(content)),
					new GridFSUploadOptions().metadata(metadata).chunkSizeBytes(255 * 1024)));
		}))
			.map((id) -> new Attachment(id.toHexString(), dossier.code(), kind, name, mediaType, content.length, sha256,
					now.toInstant(), uploader.subject(), signature));
	}

	private static ApiException invalidKind(String kind) {
		return new ApiException(ProblemType.UNPROCESSABLE, "attachment.kind-invalid").withError("kind",
				"attachment.kind-invalid");
	}

	/** The dossier's files counted up to {@code maxCount}: all the check above needs, never the files' whole list. */
	private Mono<Long> count(GridFSBucket bucket, String dossierCode) {
		return Flux.from(bucket.find(Filters.eq("metadata.dossierCode", dossierCode)).limit(this.maxCount)).count();
	}

	/**
	 * The files of a dossier, oldest first. Unpaged on purpose: {@link #store} refuses a file past
	 * {@code maxCount} (20 by default; a few more only if uploads raced), and each is listed by its
	 * description (under 1 kB), never its content.
	 */
	public Flux<Attachment> list(String dossierCode) {
		return bucket().flatMapMany((bucket) -> Flux.from(bucket.find(Filters.eq("metadata.dossierCode", dossierCode))))
			.map(Attachments::attachment)
			.sort((a, b) -> a.uploadedAt().compareTo(b.uploadedAt()));
	}

	/**
	 * A file for someone allowed to see the dossier: its description and its bytes.
	 *
	 * @throws ApiException 404 if it is not this dossier's or the caller is another citizen, 403 for
	 *         an officer of another province
	 */
	public Mono<Download> download(Dossier dossier, String attachmentId, Caller caller) {
		requireAccess(dossier, caller);
		return read(dossier, attachmentId);
	}

	/**
	 * A file of the dossier for the service's own use once the dossier's access was settled (a
	 * result made from an approved dossier's file: a seal's specimen); 404 if it is not the dossier's.
	 */
	public Mono<Download> read(Dossier dossier, String attachmentId) {
		if (attachmentId == null || !ObjectId.isValid(attachmentId)) {
			return Mono.error(ApiException.notFound("attachment"));
		}
		ObjectId id = new ObjectId(attachmentId);
		return bucket().flatMap((bucket) -> Mono
			.from(bucket.find(Filters.and(Filters.eq("_id", id), Filters.eq("metadata.dossierCode", dossier.code())))
				.first())
			.flatMap((file) -> GridFsFiles.read(bucket, id, file.getLength())
				.map((content) -> new Download(attachment(file), content))))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("attachment")));
	}

	/**
	 * The signature of a file that must be a signed PDF: a PDF, signed, the signature covering the
	 * whole file (nothing appended after signing) and intact, the signer chaining to the trust list;
	 * otherwise a 422 saying which of these is not so (naming the untrusted signer).
	 */
	public static Attachment.Signature checkSigned(SignatureCheck signers, byte[] content) {
		if (!MediaTypes.PDF.equals(MediaTypes.sniff(content))) {
			throw signatureProblem("attachment.signed-pdf-required");
		}
		SignatureCheck.Result result = signers.verify(content);
		if (!result.signed()) {
			throw signatureProblem("attachment.signature-missing");
		}
		if (!result.coversWholeFile() || !result.intact()) {
			throw signatureProblem("attachment.signature-broken");
		}
		if (!result.trusted()) {
			throw signatureProblem("attachment.signer-not-trusted", result.signerSubject().orElse("?"));
		}
		return new Attachment.Signature(result.signerSubject().orElseThrow(), result.signingTime().orElse(null));
	}

	private static ApiException signatureProblem(String code, Object... args) {
		return new ApiException(ProblemType.UNPROCESSABLE, code, args).withError("file", code, args);
	}

	/** The applicant, or an officer of the handling unit's province ({@link DossierAccess#requireVisible}). */
	public static void requireAccess(Dossier dossier, Caller caller) {
		DossierAccess.requireVisible(dossier, caller);
	}

	private static Attachment attachment(GridFSFile file) {
		Document metadata = file.getMetadata();
		return new Attachment(file.getObjectId().toHexString(), metadata.getString("dossierCode"),
				metadata.getString("kind"), file.getFilename(), metadata.getString("mediaType"), file.getLength(),
				metadata.getString("sha256"), file.getUploadDate().toInstant(), metadata.getString("uploadedBy"),
				(metadata.getString("signer") != null) ? new Attachment.Signature(metadata.getString("signer"),
						(metadata.getDate("signedAt") != null) ? metadata.getDate("signedAt").toInstant() : null) : null);
	}

	/** The name as shown: no path, no control characters, at most 120 characters. */
	static String safeName(String filename) {
		String name = (filename != null) ? filename : "file";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
		if (name.isEmpty()) {
			name = "file";
		}
		return (name.length() > 120) ? name.substring(name.length() - 120) : name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file and its bytes. */
	public record Download(Attachment attachment, byte[] content) {
	}

}
