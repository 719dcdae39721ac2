package vn.gov.bca.passport.passport;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The citizen's passports: the ones issued to them, whether each can still be used, and the report
 * of one lost (after which it cannot be used and a re-issue can be asked for).
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
		if (caller.personalId() == null) {
			return Mono.just(List.of());
		}
		LocalDate today = VietnamTime.today(this.clock);
		return this.book.of(caller.personalId()).map((entry) -> PassportView.of(entry, today)).collectList();
	}

	@PostMapping("/{number}/lost")
	Mono<ResponseEntity<Void>> reportLost(@PathVariable String number, Caller caller) {
		if (caller.personalId() == null) {
			return Mono.error(ApiException.notFound("passport"));
		}
		return this.book.reportLost(caller.personalId(), number)
			.flatMap((reported) -> reported ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(ApiException.notFound("passport")));
	}

	record PassportView(String number, LocalDate issuedOn, LocalDate expiresOn, boolean chip, boolean reportedLost,
			boolean usable, String dossierCode) {

		static PassportView of(PassportBook.Entry entry, LocalDate today) {
			return new PassportView(entry.number(), entry.issuedOn(), entry.expiresOn(), entry.chip(),
					entry.reportedLost(), entry.isUsableOn(today), entry.dossierCode());
		}

	}

}
