/**
 * The audit trail: an append-only record of who did what and when ({@code audit_event}), written by the features
 * through {@link org.rapport.audit.AuditTrail} in the transaction of the change it records, read by admins through
 * {@code GET /api/audit} and {@code /admin/audit}. No statement of the application updates or deletes a row, and the
 * database refuses to (V13_2).
 */
package org.rapport.audit;
