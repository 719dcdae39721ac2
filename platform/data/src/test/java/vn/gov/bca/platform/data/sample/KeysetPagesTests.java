package vn.gov.bca.platform.data.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

import vn.gov.bca.platform.data.paging.KeysetPages;
import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading every match of a filter in bounded pages, against the test kit's MongoDB. */
@IntegrationTest
class KeysetPagesTests {

	@Autowired
	private ReactiveMongoTemplate mongo;

	/** A collection of its own: 23 documents of one batch (ids b-00 to b-22) and 5 of another. */
	private String collection() {
		String collection = "sample_pages_" + UUID.randomUUID().toString().replace("-", "");
		List<Document> documents = new ArrayList<>();
		for (int i = 22; i >= 0; i--) {
			documents.add(new Document("_id", "b-%02d".formatted(i)).append("batch", "b"));
		}
		for (int i = 0; i < 5; i++) {
			documents.add(new Document("_id", "a-%02d".formatted(i)).append("batch", "a"));
		}
		this.mongo.insert(documents, collection).blockLast();
		return collection;
	}

	@Test
	void everyMatchIsReadOnceInPagesOfAtMostTheSizeAskedInIdOrder() {
		String collection = collection();
		List<List<Document>> pages = KeysetPages
			.pages(this.mongo, Criteria.where("batch").is("b"), Document.class, collection, 10, (doc) -> doc.get("_id"))
			.collectList()
			.block();
		assertThat(pages).extracting(List::size).containsExactly(10, 10, 3);
		List<Object> ids = pages.stream().flatMap(List::stream).map((doc) -> doc.get("_id")).toList();
		assertThat(ids).hasSize(23).doesNotHaveDuplicates().isSorted().allMatch((id) -> ((String) id).startsWith("b-"));
	}

	@Test
	void aFullLastPageEndsWithAnEmptyReadAndNoMatchIsNoPage() {
		String collection = collection();
		assertThat(KeysetPages
			.all(this.mongo, Criteria.where("batch").is("a"), Document.class, collection, 5, (doc) -> doc.get("_id"))
			.count()
			.block()).isEqualTo(5);
		assertThat(KeysetPages
			.pages(this.mongo, Criteria.where("batch").is("c"), Document.class, collection, 5, (doc) -> doc.get("_id"))
			.count()
			.block()).isZero();
	}

	@Test
	void aReaderThatStopsEarlyReadsNoFurtherPages() {
		String collection = collection();
		AtomicInteger pages = new AtomicInteger();
		Boolean found = KeysetPages
			.pages(this.mongo, Criteria.where("batch").is("b"), Document.class, collection, 5, (doc) -> doc.get("_id"))
			.doOnNext((page) -> pages.incrementAndGet())
			.concatMapIterable((page) -> page)
			.any((doc) -> "b-07".equals(doc.get("_id")))
			.block();
		assertThat(found).isTrue();
		assertThat(pages.get()).isLessThanOrEqualTo(3);
	}

}
