package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses of pages that carry an id in their path, built in one place: an external id comes from another
 * system's CSV and may hold a space, {@code #}, {@code ?} or {@code %}, so it goes into the path encoded as one segment.
 * Pages use {@code #{pagePaths.customer(item.customer)}}.
 */
@Named
@RequestScoped
public class PagePaths {

    @Inject
    FacesContext faces;

    /** {@code /customers/{externalId}} under the application's context path. */
    public String customer(String externalId) {
        return faces.getExternalContext().getRequestContextPath() + "/customers/" + segment(externalId);
    }

    /** {@code text} as one path segment: percent-encoded UTF-8, a space as {@code %20} (a {@code +} is a plus there). */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
