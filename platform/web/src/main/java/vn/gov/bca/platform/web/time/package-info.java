/** Vietnam's time zone and the platform's one clock. */
package vn.gov.bca.platform.web.time;
