package vn.gov.bca.passport.application;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.passport.passport.PassportBook;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;

/**
 * Keeps the passport book in step with the dossiers, from their events on this service's own topic
 * (so neither can be left half done): a passport issued is entered ({@code PassportIssued}), a
 * passport declared lost in a re-issue dossier is struck ({@code DossierSubmitted}). Each event
 * once; each write harmless when repeated.
 */
@Component
class PassportBookKeeper {

	private final ProcessedEvents processed;

	private final DossierWorkflow<PassportApplication, PassportForm> workflow;

	private final PassportBook book;

	PassportBookKeeper(ProcessedEvents processed, DossierWorkflow<PassportApplication, PassportForm> workflow,
			PassportBook book) {
		this.processed = processed;
		this.workflow = workflow;
		this.book = book;
	}

	@KafkaListener(topics = "passport.events.v1", groupId = "passport-service.passport-book")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce("passport-book", record, (event) -> {
			String type = (event.type() != null) ? event.type() : "";
			if (type.endsWith(".PassportIssued")) {
				return this.workflow.stored(record.key()).flatMap(this::enter);
			}
			if (type.endsWith(".DossierSubmitted")) {
				return this.workflow.stored(record.key()).flatMap(this::strikeLost);
			}
			return Mono.empty();
		}).then();
	}

	private Mono<Void> enter(PassportApplication dossier) {
		IssuedPassport passport = dossier.passport();
		return this.book.record(dossier.holderPersonalId(), new PassportBook.Entry(passport.number(),
				passport.issuedOn(), passport.expiresOn(), passport.chip(), dossier.code(), false));
	}

	private Mono<Boolean> strikeLost(PassportApplication dossier) {
		PassportForm form = dossier.form();
		boolean lost = dossier.procedure() == PassportProcedure.REISSUE_LOST_OR_DAMAGED
				&& form.lostOrDamaged() == PassportForm.LostOrDamaged.LOST && form.previousPassportNumber() != null;
		return lost ? this.book.reportLost(dossier.holderPersonalId(), form.previousPassportNumber()) : Mono.empty();
	}

}
