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

    /** The system property Jakarta Mail's {@code FactoryFinder} reads before it searches for a StreamProvider. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    @PostConstruct
    void init() {
        nameStreamProvider();
        session = Session.getInstance(properties(settings));
        LOG.info(() -> settings.smtpHost().map(h -> "Email goes over SMTP to " + h + ":" + settings.smtpPort()
                + " (" + settings.smtpTls() + ")").orElse("No SMTP server configured: emails are written to " + settings.emlFolder()));
    }

    /**
     * Jakarta Mail 2.1 finds its StreamProvider with a ServiceLoader anew for every MIME part, encoded header word and
     * write (jakartaee/mail-api#861); under Payara that search reads every jar of the application and of the server's
     * API class loader, about a quarter of a dispatcher thread's CPU in a profile of the dispatch benchmark. Named in
     * this property, the provider (Angus Mail's, the one Payara ships) is instantiated directly. An operator's own
     * setting stays.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
        }
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
