package org.rapport.outbox;

import org.rapport.platform.errors.NotFound;

/** A message name that is not one of {@link MailTemplate}'s. */
public class UnknownTemplateException extends NotFound {
    public UnknownTemplateException(String name) {
        super("There is no template '" + name + "'; there are " + String.join(", ", MailTemplate.names()) + ".");
    }
}
