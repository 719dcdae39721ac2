package vn.gov.bca.platform.data.files;

import java.io.ByteArrayOutputStream;

import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading a GridFS file whole: the one way the services' files (attachments, documents, specimens) come back as bytes. */
public final class GridFsFiles {

	private GridFsFiles() {
	}

	/**
	 * The file's bytes, gathered from its chunks without blocking.
	 *
	 * @param sizeHint the expected size (the stored length), to size the buffer once; 0 if unknown
	 */
	public static Mono<byte[]> read(GridFSBucket bucket, ObjectId id, long sizeHint) {
		return Flux.from(bucket.downloadToPublisher(id))
			.reduce(new ByteArrayOutputStream((int) Math.max(0, Math.min(sizeHint, Integer.MAX_VALUE - 8))),
					(out, chunk) -> {
						byte[] bytes = new byte[chunk.remaining()];
						chunk.get(bytes);
						out.writeBytes(bytes);
						return out;
					})
			.map(ByteArrayOutputStream::toByteArray);
	}

}
