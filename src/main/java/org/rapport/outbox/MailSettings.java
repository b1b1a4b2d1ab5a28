package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Email configuration ({@code rapport.mail.*}, {@code rapport.smtp.*}), read once. */
@ApplicationScoped
public class MailSettings {

    @Inject @ConfigProperty(name = "rapport.mail.from") String from;
    @Inject @ConfigProperty(name = "rapport.mail.reply-mailbox") Optional<String> replyMailbox;
    @Inject @ConfigProperty(name = "rapport.company.name") String companyName;
    @Inject @ConfigProperty(name = "rapport.company.url") Optional<String> companyUrl;
    @Inject @ConfigProperty(name = "rapport.public.url") String publicUrl;
    @Inject @ConfigProperty(name = "rapport.mail.click-tracking") boolean clickTracking;
    @Inject @ConfigProperty(name = "rapport.mail.dispatch.batch-size") int batchSize;
    @Inject @ConfigProperty(name = "rapport.mail.dispatch.threads") int dispatchThreads;
    @Inject @ConfigProperty(name = "rapport.mail.dispatch.budget-seconds") int budgetSeconds;
    @Inject @ConfigProperty(name = "rapport.mail.lease-seconds") int leaseSeconds;
    @Inject @ConfigProperty(name = "rapport.mail.retry.base-seconds") int retryBaseSeconds;
    @Inject @ConfigProperty(name = "rapport.mail.retry.max-seconds") int retryMaxSeconds;
    @Inject @ConfigProperty(name = "rapport.mail.retry.max-attempts") int maxAttempts;
    @Inject @ConfigProperty(name = "rapport.mail.rate.per-second") double perSecond;
    @Inject @ConfigProperty(name = "rapport.mail.rate.per-domain-per-second") double perDomainPerSecond;
    @Inject @ConfigProperty(name = "rapport.smtp.host") Optional<String> smtpHost;
    @Inject @ConfigProperty(name = "rapport.smtp.port") int smtpPort;
    @Inject @ConfigProperty(name = "rapport.smtp.user") Optional<String> smtpUser;
    @Inject @ConfigProperty(name = "rapport.smtp.password") Optional<String> smtpPassword;
    @Inject @ConfigProperty(name = "rapport.smtp.tls") SmtpTls smtpTls;
    @Inject @ConfigProperty(name = "rapport.smtp.connect-timeout-ms") int connectTimeoutMs;
    @Inject @ConfigProperty(name = "rapport.smtp.read-timeout-ms") int readTimeoutMs;
    @Inject @ConfigProperty(name = "rapport.smtp.write-timeout-ms") int writeTimeoutMs;
    @Inject @ConfigProperty(name = "rapport.data.dir") String dataDir;

    private volatile Throttle throttle;

    public String from() {
        return from;
    }

    public Optional<String> replyMailbox() {
        return replyMailbox.map(String::strip).filter(s -> !s.isEmpty());
    }

    public String companyName() {
        return companyName;
    }

    public Optional<String> companyUrl() {
        return companyUrl.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The base of every link in an email, ending in '/'. */
    public String publicBase() {
        return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    }

    public boolean clickTracking() {
        return clickTracking;
    }

    public int batchSize() {
        return Math.max(1, batchSize);
    }

    public int dispatchThreads() {
        return Math.max(1, dispatchThreads);
    }

    public Duration budget() {
        return Duration.ofSeconds(Math.max(1, budgetSeconds));
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }

    public Backoff backoff() {
        return new Backoff(Duration.ofSeconds(Math.max(1, retryBaseSeconds)), Duration.ofSeconds(Math.max(1, retryMaxSeconds)),
                Math.max(1, maxAttempts));
    }

    /** The sending rates of this instance: one throttle, shared by all its dispatcher threads. */
    public Throttle throttle() {
        Throttle t = throttle;
        if (t == null) {
            synchronized (this) {
                if (throttle == null) {
                    throttle = new Throttle(perSecond, perDomainPerSecond);
                }
                t = throttle;
            }
        }
        return t;
    }

    public Optional<String> smtpHost() {
        return smtpHost.map(String::strip).filter(s -> !s.isEmpty());
    }

    public int smtpPort() {
        return smtpPort;
    }

    public Optional<String> smtpUser() {
        return smtpUser.filter(s -> !s.isBlank());
    }

    public String smtpPassword() {
        return smtpPassword.orElse(null);
    }

    public SmtpTls smtpTls() {
        return smtpTls;
    }

    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int readTimeoutMs() {
        return readTimeoutMs;
    }

    public int writeTimeoutMs() {
        return writeTimeoutMs;
    }

    /** Where messages are written as files when no SMTP server is configured. */
    public Path emlFolder() {
        return Path.of(dataDir).resolve("outbox");
    }
}
