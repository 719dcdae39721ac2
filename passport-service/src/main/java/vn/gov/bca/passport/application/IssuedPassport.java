package vn.gov.bca.passport.application;

import java.time.LocalDate;

/** The passport a dossier produced: number, dates, chip or not. Valid 10 years, 5 under 14. */
public record IssuedPassport(String number, LocalDate issuedOn, LocalDate expiresOn, boolean chip) {
}
