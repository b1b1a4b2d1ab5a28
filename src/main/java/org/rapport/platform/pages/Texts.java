package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The page texts ({@code org/rapport/pages/messages*.properties}) in the request's language, for page beans. */
@RequestScoped
public class Texts {

    @Inject
    Language language;

    public String get(String key) {
        return bundle().getString(key);
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), language.getLocale()).format(arguments);
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle("org.rapport.pages.messages", language.getLocale());
    }
}
