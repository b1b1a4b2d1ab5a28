/**
 * Polls: a manager (their team) or an admin (everyone) defines a short poll of up to three questions for an audience
 * and a sample; it goes out through the outbox as a personal email from each chosen customer's salesperson, and
 * {@link org.rapport.polls.PollAnswers} records the answers (through the poll's signed page, and the free text of a
 * reply) and puts a call on the owner's list the next business day for a low score ({@link
 * org.rapport.polls.QuestionKind#low}) or a request to be called ({@link org.rapport.polls.ContactAsked}).
 */
package org.rapport.polls;
