/**
 * Email: the message templates (FreeMarker, HTML auto-escaped, per locale with English as fallback) and, in the next
 * steps, the crash-safe outbox and its dispatcher.
 */
package org.rapport.mail;
