package org.rapport.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * The headers every response carries, API, customer pages and errors alike: no MIME sniffing, no referrer (links carry
 * tokens), never inside a frame. HSTS only when the service is reached over HTTPS: directly, or through a TLS proxy
 * whose address is the public URL. And the request's id ({@link RequestId}), so that each answer names the request the
 * audit trail recorded.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000";

    @Inject
    @ConfigProperty(name = "rapport.public.url")
    String publicUrl;

    public void apply(HttpServletRequest request, HttpServletResponse response) {
        RequestId.assign(request, response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        if (overHttps(request.isSecure(), publicUrl)) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    public static boolean overHttps(boolean secureRequest, String publicUrl) {
        return secureRequest || publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
