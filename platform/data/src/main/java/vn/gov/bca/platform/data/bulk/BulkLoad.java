package vn.gov.bca.platform.data.bulk;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * How far one bulk load has come (collection {@code bulk_loads}): items {@code 0} to
 * {@code loaded - 1} of its source are in the database. Written after each batch, so that a restart
 * goes on from there, and a restart asking for no more than {@code loaded} does nothing.
 *
 * @param id the load's name, e.g. {@code synthetic-population:20250701}
 * @param size the size the last load was asked for
 * @param loaded how many items (from the first) are in
 * @param inserted how many documents this load's runs wrote (the others were there already)
 * @param startedAt when the first run started
 * @param updatedAt when the last batch was written
 * @param completedAt when {@code loaded} reached {@code size}; null while under way or cut short
 */
public record BulkLoad(@Id String id, long size, long loaded, long inserted, Instant startedAt, Instant updatedAt,
		Instant completedAt) {

	static BulkLoad starting(String id, long size, Instant now) {
		return new BulkLoad(id, size, 0, 0, now, now, null);
	}

	BulkLoad resizedTo(long size, Instant now) {
		return new BulkLoad(this.id, size, this.loaded, this.inserted, this.startedAt, now, null);
	}

	BulkLoad progressed(long loaded, long inserted, Instant now) {
		return new BulkLoad(this.id, this.size, loaded, this.inserted + inserted, this.startedAt, now,
				(loaded >= this.size) ? now : null);
	}

}
