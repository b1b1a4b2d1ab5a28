/**
 * Email mechanics: rendering a template folder (FreeMarker, HTML auto-escaped, per locale with English as fallback, no
 * code execution) and the signed tokens in links. Which messages exist, why they are sent and what they carry is
 * {@code org.rapport.outbox.MailTemplate}.
 */
package org.rapport.mail;
