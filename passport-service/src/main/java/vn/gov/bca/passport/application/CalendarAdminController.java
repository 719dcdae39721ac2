package vn.gov.bca.passport.application;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.dossier.calendar.CalendarEntry;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendar;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.calendar.InvalidCalendarException;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Administrators read the holiday calendar in use and have the service read its file again after
 * amending it (a new holiday, the government's decision on next year's Tết): no release, no
 * restart. A file with a mistake is refused as a whole (422 naming it) and the calendar in use
 * stays. Appointment dates already given do not move.
 */
@RestController
@RequestMapping("/api/passport/admin/calendar")
class CalendarAdminController {

	private final HolidayCalendars calendars;

	CalendarAdminController(HolidayCalendars calendars) {
		this.calendars = calendars;
	}

	@GetMapping
	Mono<CalendarView> calendar(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return Mono.just(CalendarView.of(this.calendars.source(), this.calendars.calendar()));
	}

	@PostMapping("/reload")
	Mono<CalendarView> reload(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return Mono.fromCallable(() -> {
			try {
				return CalendarView.of(this.calendars.source(), this.calendars.reload());
			}
			catch (InvalidCalendarException ex) {
				throw ApiException.unprocessable("calendar.invalid", ex.getMessage());
			}
			catch (java.io.UncheckedIOException ex) {
				throw ApiException.unprocessable("calendar.unreadable");
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The calendar in use: its years and the days still expected (entered ahead of the government's
	 * decision), each with its source, for the administrator to confirm.
	 */
	record CalendarView(String source, int firstYear, int lastYear, int daysListed, List<CalendarEntry> expected) {

		static CalendarView of(String source, HolidayCalendar calendar) {
			return new CalendarView(source, calendar.firstYear(), calendar.lastYear(), calendar.entries().size(),
					calendar.entries()
						.stream()
						.filter((entry) -> entry.status() == CalendarEntry.Status.EXPECTED)
						.toList());
		}

	}

}
