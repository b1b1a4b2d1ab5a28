package org.rapport.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;

import java.util.Properties;
import java.util.logging.Logger;

/** Makes the postman each dispatcher thread uses: SMTP when a host is configured, {@code .eml} files otherwise. */
@ApplicationScoped
public class Postmen {

    private static final Logger LOG = Logger.getLogger(Postmen.class.getName());

    @Inject
    MailSettings settings;

    private Session session;

    @PostConstruct
    void init() {
        session = Session.getInstance(properties(settings));
        LOG.info(() -> settings.smtpHost().map(h -> "Email goes over SMTP to " + h + ":" + settings.smtpPort()
                + " (" + settings.smtpTls() + ")").orElse("No SMTP server configured: emails are written to " + settings.emlFolder()));
    }

    public Postman open() {
        if (settings.smtpHost().isPresent()) {
            return new SmtpPostman(session, settings.smtpUser().orElse(null), settings.smtpPassword());
        }
        return new EmlPostman(session, settings.emlFolder());
    }

    /** Timeouts are set because Jakarta Mail's defaults are infinite: one stuck server would hold a dispatcher forever. */
    static Properties properties(MailSettings s) {
        Properties p = new Properties();
        String protocol = s.smtpTls() == SmtpTls.TLS ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        s.smtpHost().ifPresent(h -> p.setProperty(prefix + "host", h));
        p.setProperty(prefix + "port", Integer.toString(s.smtpPort()));
        p.setProperty(prefix + "connectiontimeout", Integer.toString(s.connectTimeoutMs()));
        p.setProperty(prefix + "timeout", Integer.toString(s.readTimeoutMs()));
        p.setProperty(prefix + "writetimeout", Integer.toString(s.writeTimeoutMs()));
        p.setProperty(prefix + "auth", Boolean.toString(s.smtpUser().isPresent()));
        p.setProperty(prefix + "from", s.from());
        if (s.smtpTls() == SmtpTls.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (s.smtpTls() != SmtpTls.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }
}
