package vn.gov.bca.platform.dossier;

import java.time.Instant;

/**
 * One line of a dossier's progress as the national portal exchanges it: who handled it (account,
 * agency), when, what was done and said, and the status after it.
 *
 * @param at when
 * @param handler the account that acted ({@code system} for automatic steps)
 * @param handlerAgency the officer's agency, if an officer acted
 * @param action the transition ({@code accept}, {@code request-supplement}, …)
 * @param content what the handler wrote (a reason, the missing documents, the result)
 * @param status the status after this step
 */
public record ProgressEntry(Instant at, String handler, String handlerAgency, String action, String content,
		DossierStatus status) {
}
