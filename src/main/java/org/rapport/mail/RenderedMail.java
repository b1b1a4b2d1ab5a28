package org.rapport.mail;

/** One message ready to send: a single-line subject, and the HTML and plain-text alternatives. */
public record RenderedMail(String subject, String html, String text) {
}
