package org.rapport.responses;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringWriter;
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
