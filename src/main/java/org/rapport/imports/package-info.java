/**
 * The streaming CSV import engine: header checks, per-field validation with line, column, value and reason, duplicates within a file, batched upserts. Each feature supplies a RowImporter.
 */
package org.rapport.imports;
