package vn.gov.bca.passport.passport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The citizen's passports: the ones issued to them, whether each can still be used, and the report
 * of one lost (after which it cannot be used and a re-issue can be asked for); another's is 404.
 */
@RestController
@RequestMapping("/api/passport/me/passports")
class PassportController {

	private final PassportBook book;

	private final Clock clock;

	PassportController(PassportBook book, Clock clock) {
		this.book = book;
		this.clock = clock;
	}

	@GetMapping
	Mono<List<PassportView>> mine(Caller caller) {
		LocalDate today = VietnamTime.today(this.clock);
		return (caller.personalId() == null) ? Mono.just(List.of())
				: this.book.of(caller.personalId()).map((entry) -> PassportView.of(entry, today)).collectList();
	}

	@PostMapping("/{number}/lost")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> reportLost(@PathVariable String number, Caller caller) {
		return Mono.justOrEmpty(caller.personalId())
			.flatMap((holder) -> this.book.reportLost(holder, number))
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("passport")))
			.then();
	}

	record PassportView(String number, LocalDate issuedOn, LocalDate expiresOn, boolean chip, boolean reportedLost,
			boolean usable, String dossierCode) {

		static PassportView of(PassportBook.Entry entry, LocalDate today) {
			return new PassportView(entry.number(), entry.issuedOn(), entry.expiresOn(), entry.chip(),
					entry.reportedLost(), entry.isUsableOn(today), entry.dossierCode());
		}

	}

}
