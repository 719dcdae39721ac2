package vn.gov.bca.platform.dossier.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the national portal is and how the sync treats it ({@code vneid.national-portal.*}); the sync
 * runs when {@code url} is set (NATIONAL_PORTAL_URL).
 *
 * @param url the portal's integration API, e.g. {@code https://api.dichvucong.gov.vn/...}
 * @param username the ministry's integration account
 * @param password its password (NATIONAL_PORTAL_PASSWORD; never in a file under version control)
 * @param unitCode the ministry's code at the portal ({@code madonvi})
 * @param timeout how long one call may take before it counts as a failure
 * @param sessionMargin how long before its announced end a session is renewed
 * @param firstRetry the wait after a first failure; doubled after each further one
 * @param longestRetry the longest wait between two attempts while the portal is down
 * @param refusals how many times an update the portal refuses (error_code 2 or 3) is tried before
 *        it goes to the dead-letter topic
 * @param reconciliationCron when the day's reconciliation runs, Vietnam's time
 */
@ConfigurationProperties("vneid.national-portal")
public record NationalPortalProperties(String url, String username, String password, String unitCode,
		Duration timeout, Duration sessionMargin, Duration firstRetry, Duration longestRetry, Integer refusals,
		String reconciliationCron) {

	public NationalPortalProperties {
		username = (username != null) ? username : "bca-dvc";
		unitCode = (unitCode != null) ? unitCode : "G12";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		sessionMargin = (sessionMargin != null) ? sessionMargin : Duration.ofSeconds(60);
		firstRetry = (firstRetry != null) ? firstRetry : Duration.ofMillis(500);
		longestRetry = (longestRetry != null) ? longestRetry : Duration.ofSeconds(30);
		refusals = (refusals != null) ? refusals : 3;
		reconciliationCron = (reconciliationCron != null) ? reconciliationCron : "0 45 23 * * *";
	}

}
