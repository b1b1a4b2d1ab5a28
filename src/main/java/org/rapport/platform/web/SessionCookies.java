package org.rapport.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The page session's cookie: {@code HttpOnly} (web.xml), {@code SameSite=Lax} so another site's form cannot ride on
 * it (payara-web.xml: Payara takes it from there only), and {@code Secure} when the service is reached over HTTPS (its public URL starts with https: directly or behind
 * a TLS proxy). The idle timeout is {@code rapport.session.idle-minutes}.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var config = ConfigProvider.getConfig();
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("RAPPORT_SESSION");
        cookie.setHttpOnly(true);
        cookie.setSecure(SecurityHeaders.overHttps(false, config.getValue("rapport.public.url", String.class)));
        int idleMinutes = config.getValue("rapport.session.idle-minutes", Integer.class);
        if (idleMinutes < 1 || idleMinutes > 24 * 60) {
            throw new IllegalStateException("rapport.session.idle-minutes must be between 1 and 1440, not " + idleMinutes + ".");
        }
        event.getServletContext().setSessionTimeout(idleMinutes);
    }
}
