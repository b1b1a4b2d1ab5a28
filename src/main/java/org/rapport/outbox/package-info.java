/**
 * Email that leaves Rapport: every message is an outbox row first, written in the transaction of the change that caused
 * it; the dispatcher on each instance claims due rows, re-checks the contact policy, renders and sends them over
 * reused SMTP connections (or writes {@code .eml} files when no SMTP server is configured) and records the result.
 */
package org.rapport.outbox;
