/**
 * The National Public Service Portal (Cổng dịch vụ công quốc gia) kept in step with a procedure
 * service's dossiers: every dossier event of the service's topic is sent there in order
 * ({@link PortalSync}), with the portal's session renewed before it expires ({@link NationalPortalClient}),
 * a sync state per dossier, a dead-letter topic for what the portal refuses, a daily reconciliation
 * ({@link PortalReconciliation}), the catalogue published ({@link CataloguePublication}) and the
 * portal's citizen lookup answered ({@link NationalPortalController}).
 *
 * <p>It is a module of every procedure service rather than a service of its own: the sync reads each
 * dossier from the service's own store at the event, so no internal API hands dossiers with their
 * applicants' data from service to service, no further account, topic reader or database is
 * needed, and the sync scales and fails with the service whose dossiers it carries.
 */
package vn.gov.bca.platform.dossier.portal;
