/**
 * Retention: personal text older than its configured age is removed in the night, in short batches — message bodies
 * (an outbox message's stored fields and subject, and its {@code .eml} file in the no-SMTP mode), reply snippets,
 * the targets of clicks and call notes. The rows stay, so every count and report still adds up.
 */
package org.rapport.retention;
