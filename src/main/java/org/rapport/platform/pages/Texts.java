package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The page texts ({@code org/rapport/pages/messages*.properties}) in the request's language, for page beans. */
@RequestScoped
public class Texts {

    @Inject
    Language language;

    public String get(String key) {
        return get(language.getLocale(), key);
    }

    public String format(String key, Object... arguments) {
        return format(language.getLocale(), key, arguments);
    }

    /** The text {@code key} in the language of {@code locale} (plain code and unit tests, without a request). */
    public static String get(Locale locale, String key) {
        return ResourceBundle.getBundle("org.rapport.pages.messages", locale).getString(key);
    }

    public static String format(Locale locale, String key, Object... arguments) {
        return new MessageFormat(get(locale, key), locale).format(arguments);
    }
}
