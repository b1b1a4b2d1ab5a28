package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.web.SecurityHeaders;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of the pages: the person's choice (a cookie, so it holds before login and across sessions), else the
 * browser's preferred language among those Rapport speaks (en, de), else English.
 */
@Named
@RequestScoped
public class Language {

    static final String COOKIE = "rapport_lang";
    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "rapport.public.url")
    String publicUrl;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = chosen().orElseGet(this::fromBrowser);
        }
        return locale;
    }

    public List<Locale> getSpoken() {
        return SPOKEN;
    }

    /** Remembers the choice for a year and shows the same page again in that language. */
    public void choose(String tag) throws IOException {
        Locale wanted = spoken(tag).orElse(Locale.ENGLISH);
        var external = FacesContext.getCurrentInstance().getExternalContext();
        Cookie cookie = new Cookie(COOKIE, wanted.getLanguage());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(SecurityHeaders.overHttps(request.isSecure(), publicUrl)); // as the session cookie decides
        ((HttpServletResponse) external.getResponse()).addCookie(cookie);
        locale = wanted;
        String query = request.getQueryString();
        external.redirect(originalUri() + (query == null ? "" : "?" + query));
    }

    private String originalUri() {
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        return forwarded instanceof String uri ? uri : request.getRequestURI();
    }

    private Optional<Locale> chosen() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return spoken(c.getValue());
            }
        }
        return Optional.empty();
    }

    private Locale fromBrowser() {
        var preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            Optional<Locale> spoken = spoken(preferred.nextElement().getLanguage());
            if (spoken.isPresent()) {
                return spoken.get();
            }
        }
        return Locale.ENGLISH;
    }

    static Optional<Locale> spoken(String tag) {
        return tag == null ? Optional.empty()
                : SPOKEN.stream().filter(l -> l.getLanguage().equalsIgnoreCase(tag.strip())).findFirst();
    }
}
