/**
 * What customers do with Rapport's emails: unsubscribe or keep some purposes ({@code /u/…}), click ({@code /c/…}),
 * reply, auto-reply or bounce (read from the reply mailbox over IMAP). Each becomes a response on its outbox message.
 * The signed customer pages live here too, answer a poll ({@code /p/…}, recorded by {@link org.rapport.polls.PollAnswers})
 * among them.
 */
package org.rapport.responses;
