package org.rapport.mail;

import org.rapport.platform.web.ApiException;

/** A message name that is not one of {@link TemplateRenderer#NAMES}. */
public class UnknownTemplateException extends ApiException {
    public UnknownTemplateException(String name) {
        super(404, "Not found", "There is no template '" + name + "'; there are " + String.join(", ", TemplateRenderer.NAMES) + ".");
    }
}
