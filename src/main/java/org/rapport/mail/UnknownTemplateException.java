package org.rapport.mail;

import org.rapport.platform.errors.NotFound;

/** A message name that is not one of {@link TemplateRenderer#NAMES}. */
public class UnknownTemplateException extends NotFound {
    public UnknownTemplateException(String name) {
        super("There is no template '" + name + "'; there are " + String.join(", ", TemplateRenderer.NAMES) + ".");
    }
}
