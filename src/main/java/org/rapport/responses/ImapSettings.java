package org.rapport.responses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The reply mailbox ({@code rapport.imap.*}), read once. Without a host, no mailbox is read. */
@ApplicationScoped
public class ImapSettings {

    @Inject @ConfigProperty(name = "rapport.imap.host") Optional<String> host;
    @Inject @ConfigProperty(name = "rapport.imap.port") int port;
    @Inject @ConfigProperty(name = "rapport.imap.user") Optional<String> user;
    @Inject @ConfigProperty(name = "rapport.imap.password") Optional<String> password;
    @Inject @ConfigProperty(name = "rapport.imap.tls") String tls;
    @Inject @ConfigProperty(name = "rapport.imap.folder") String folder;
    @Inject @ConfigProperty(name = "rapport.imap.connect-timeout-ms", defaultValue = "10000") int connectTimeoutMs;
    @Inject @ConfigProperty(name = "rapport.imap.read-timeout-ms", defaultValue = "30000") int readTimeoutMs;
    @Inject @ConfigProperty(name = "rapport.imap.write-timeout-ms", defaultValue = "30000") int writeTimeoutMs;

    public boolean enabled() {
        return host().isPresent();
    }

    Optional<String> host() {
        return host.map(String::strip).filter(h -> !h.isEmpty());
    }

    int port() {
        return port;
    }

    String user() {
        return user.map(String::strip).orElse(null);
    }

    String password() {
        return password.orElse(null);
    }

    String folder() {
        return folder == null || folder.isBlank() ? "INBOX" : folder.strip();
    }

    /** {@code imaps} for implicit TLS, {@code imap} for STARTTLS or plain. */
    String protocol() {
        return "ssl".equals(tls()) || "tls".equals(tls()) ? "imaps" : "imap";
    }

    private String tls() {
        return tls.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Timeouts are set because Jakarta Mail's defaults are infinite: one stuck server would hold the job forever. Peek,
     * so that fetching a message does not mark it \Seen before it is recorded.
     */
    Properties sessionProperties() {
        Properties p = new Properties();
        String prefix = "mail." + protocol() + ".";
        p.setProperty("mail.store.protocol", protocol());
        host().ifPresent(h -> p.setProperty(prefix + "host", h));
        p.setProperty(prefix + "port", Integer.toString(port));
        p.setProperty(prefix + "connectiontimeout", Integer.toString(connectTimeoutMs));
        p.setProperty(prefix + "timeout", Integer.toString(readTimeoutMs));
        p.setProperty(prefix + "writetimeout", Integer.toString(writeTimeoutMs));
        p.setProperty(prefix + "peek", "true");
        if ("imap".equals(protocol()) && !"none".equals(tls())) {
            // starttls, and any value we do not know: never fall back to a plain connection by mistake
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (!"none".equals(tls())) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public String toString() {
        return user() + "@" + host().orElse("-") + ":" + port + "/" + folder() + " (" + tls() + ")";
    }
}
