package vn.gov.bca.platform.data.sample;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of a service scheduling the same job: one runs it at a time. */
@IntegrationTest
class JobLeasesTests {

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void whileOneInstanceRunsAJobTheOtherSkipsItAndRunsItAfterwards() throws InterruptedException {
		JobLeases first = new JobLeases(this.mongo);
		JobLeases second = new JobLeases(this.mongo);
		AtomicInteger runs = new AtomicInteger();

		Mono<String> firstRun = first
			.runExclusively("nightly-report", Duration.ofMinutes(5),
					Mono.delay(Duration.ofMillis(500)).thenReturn("first ran"))
			.cache();
		firstRun.subscribe();
		Thread.sleep(150);
		assertThat(second.runExclusively("nightly-report", Duration.ofMinutes(5), Mono.fromCallable(runs::incrementAndGet))
			.block()).isNull();
		assertThat(runs).hasValue(0);

		assertThat(firstRun.block()).isEqualTo("first ran");
		assertThat(second.runExclusively("nightly-report", Duration.ofMinutes(5), Mono.fromCallable(runs::incrementAndGet))
			.block()).isEqualTo(1);
	}

	@Test
	void aLeaseLeftByADeadInstanceIsTakenOverWhenItExpires() throws InterruptedException {
		JobLeases dead = new JobLeases(this.mongo);
		JobLeases alive = new JobLeases(this.mongo);
		// The dead instance took the lease and never released it (its run never ended).
		dead.runExclusively("reconcile", Duration.ofMillis(300), Mono.never()).subscribe();
		Thread.sleep(100);
		assertThat(alive.runExclusively("reconcile", Duration.ofMinutes(1), Mono.just("ran")).block()).isNull();

		Thread.sleep(400);
		assertThat(alive.runExclusively("reconcile", Duration.ofMinutes(1), Mono.just("ran")).block()).isEqualTo("ran");
	}

}
