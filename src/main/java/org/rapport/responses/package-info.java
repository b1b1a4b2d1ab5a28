/**
 * What customers do with Rapport's emails: unsubscribe or keep some purposes ({@code /u/…}), click ({@code /c/…}),
 * reply, auto-reply or bounce (read from the reply mailbox over IMAP). Each becomes a response on its outbox message.
 */
package org.rapport.responses;
