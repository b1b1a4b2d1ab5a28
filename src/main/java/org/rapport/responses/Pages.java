package org.rapport.responses;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The few public pages customers see (unsubscribe, preferences, a refused link), auto-escaped FreeMarker HTML. */
final class Pages {

    private static final Configuration FREEMARKER = configuration();

    private Pages() {
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setDefaultEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setTemplateLoader(new ClassTemplateLoader(Pages.class, "/pages"));
        return c;
    }

    /**
     * The 400 page of a link that is forged, altered, cut short or of a customer who is gone. No customer is known, so
     * it speaks the browser's language (German or English).
     */
    static void invalidLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, 400, "invalid-link", Map.of("de", german(Collections.list(request.getLocales()))));
    }

    /** Whether German comes before English among the languages a browser asks for (most wanted first). */
    static boolean german(List<Locale> wanted) {
        for (Locale locale : wanted) {
            if (locale.getLanguage().equals("de")) {
                return true;
            }
            if (locale.getLanguage().equals("en")) {
                return false;
            }
        }
        return false;
    }

    /** Writes a page with headers that keep it out of caches, search engines and other sites' frames. */
    static void write(HttpServletResponse response, int status, String page, Map<String, ?> model) throws IOException {
        StringWriter html = new StringWriter();
        try {
            FREEMARKER.getTemplate(page + ".ftlh").process(model, html);
        } catch (TemplateException e) {
            throw new IOException("The page " + page + " failed: " + e.getMessageWithoutStackTop(), e);
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        response.getWriter().write(html.toString());
    }
}
