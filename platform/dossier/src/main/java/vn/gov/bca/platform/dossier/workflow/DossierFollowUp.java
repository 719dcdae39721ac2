package vn.gov.bca.platform.dossier.workflow;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.IncomingEvent;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierCodes;

/**
 * What follows from a dossier's own events ({@link ProcedureRules#followUp}), read back from the
 * service's topic: each event once, after its dossier was written, so that a write elsewhere (the
 * passport book, the population registry) is neither lost when it fails nor done before the dossier
 * exists. The event that ends a dossier then gives back its open-dossier claim, after every earlier
 * event's follow-up. An accepted dossier gets its receipt and appointment slip
 * ({@link DossierReceipts}) before the procedure's own follow-up. Events of the topic that are not a dossier's (an exit ban's) are skipped,
 * and so are the events nothing follows from ({@link ProcedureRules#followsUp}), before they are claimed.
 */
class DossierFollowUp<D extends Dossier> {

	static final String CONSUMER = "dossier-follow-up";

	/** The events of the transitions that end a dossier: its open-dossier claim is given back after them. */
	static final Set<String> ENDINGS = Set.of("DossierNotAccepted", "DossierWithdrawn", "DossierStopped",
			"ResultReturned");

	private final ProcessedEvents processed;

	private final DossierWorkflow<D, ?> workflow;

	private final ProcedureRules<D, ?> rules;

	private final DossierReceipts receipts;

	private final DossierRefusals refusals;

	private final JsonMapper json;

	DossierFollowUp(ProcessedEvents processed, DossierWorkflow<D, ?> workflow, ProcedureRules<D, ?> rules,
			DossierReceipts receipts, DossierRefusals refusals, JsonMapper json) {
		this.processed = processed;
		this.workflow = workflow;
		this.rules = rules;
		this.receipts = receipts;
		this.refusals = refusals;
		this.json = json;
	}

	@KafkaListener(topics = "${vneid.outbox.topic}", groupId = "${spring.application.name}.dossier-follow-up")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		// The topic carries the service's other aggregates too (a stay, a register's file): those are
		// skipped before anything is claimed or read, so they cost no database work here.
		if (!DossierCodes.isCode(record.key())) {
			return Mono.empty();
		}
		String type = IncomingEvent.simpleTypeOf(record);
		if (!followedUp(type, record)) {
			return Mono.empty();
		}
		return this.processed.handleOnce(CONSUMER, record, (event) -> {
			if (event.type() == null) {
				return Mono.empty();
			}
			return this.workflow.stored(record.key())
				.flatMap((dossier) -> this.receipts.followUp(type, dossier, this.rules.receiptRows(dossier))
					.then(this.refusals.followUp(type, dossier, this.rules.refusalNotice()))
					.then(this.rules.followUp(type, dossier))
					.then(ENDINGS.contains(type) ? this.workflow.releaseOpen(dossier) : Mono.empty()));
		}).then();
	}

	/**
	 * Whether anything follows from the event: the platform's own follow-ups by its type, the
	 * procedure's by its type and procedure code ({@link ProcedureRules#followsUp}). An event whose
	 * procedure code cannot be read is followed up, as before anything was skipped.
	 */
	private boolean followedUp(String type, ConsumerRecord<String, String> record) {
		if (type.isEmpty() || ENDINGS.contains(type) || DossierReceipts.EVENTS.contains(type)
				|| DossierRefusals.EVENTS.contains(type)) {
			return true;
		}
		String procedureCode;
		try {
			JsonNode code = this.json.readTree(record.value()).path("procedureCode");
			procedureCode = code.isString() ? code.asString() : null;
		}
		catch (JacksonException ex) {
			return true;
		}
		return procedureCode == null || this.rules.followsUp(type, procedureCode);
	}

}
