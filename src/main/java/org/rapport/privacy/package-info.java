/**
 * Customers' data rights (GDPR Articles 15, 17 and 21): everything held about one customer as JSON or a zip of CSV
 * files ({@link org.rapport.privacy.ExportService}), the erasure that anonymises them everywhere while the aggregates
 * reports count stay ({@link org.rapport.privacy.ErasureService}), and the queue of the requests customers file from
 * their unsubscribe page ({@link org.rapport.privacy.DataRequestService}), which an admin handles.
 */
package org.rapport.privacy;
