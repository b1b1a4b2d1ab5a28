package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.TooManyRequests;
import org.rapport.platform.security.AuthenticatedUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Email a person composes ({@code POST /api/outbox}): only templates a caller may send, only the fields they declare,
 * at most {@code rapport.mail.compose.per-login-per-day} a UTC day per login, and no outreach past the customer's cap.
 * Both limits hold for every login, whatever its role: an admin (or an integration that logs in as one) is held to
 * them like a salesperson, since a leaked or runaway admin login must not flood customers either. An admin who wants
 * more changes the setting or the rule, for everyone.
 */
@ApplicationScoped
public class ComposeService {

    @Inject
    OutboxService outbox;

    @Inject
    OutboxMapper mapper;

    @Inject
    OutreachCap cap;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rapport.mail.compose.per-login-per-day")
    int perLoginPerDay;

    /** A template a caller may compose, or a 400 that says which exist. */
    public MailTemplate composable(String name) {
        MailTemplate template = MailTemplate.byName(name).orElseThrow(() ->
                new InvalidInput("template: '" + name + "' is none of " + MailTemplate.names() + "."));
        if (!template.composable()) {
            throw new InvalidInput("template: " + name + " is sent by Rapport itself; a caller may compose "
                    + Arrays.stream(MailTemplate.values()).filter(MailTemplate::composable).map(MailTemplate::folder)
                    .toList() + ".");
        }
        return template;
    }

    /**
     * Enqueues the message unless the same key was used before (then the first message is returned and nothing is
     * counted). The count and the message commit together, so a refused or failed request costs nothing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public OutboxService.Enqueued compose(AuthenticatedUser author, MailTemplate template, long customerId, String locale,
                                          Map<String, ?> fields, Instant notBefore, String idempotencyKey) {
        MailModel model = CallerFields.model(template, fields);
        String key = "api:" + (idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : author.username() + ":" + idempotencyKey.strip());
        Optional<Long> existing = mapper.idByKey(key);
        if (existing.isPresent()) {
            return new OutboxService.Enqueued(existing.get(), false);
        }
        count(author.username());
        if (template.purpose().isOutreach()) {
            withinCap(customerId);
        }
        return outbox.enqueue(new Mail(key, model, customerId, null, locale, notBefore == null ? clock.instant() : notBefore));
    }

    /**
     * The customer's cap on outreach email holds for what any login composes as for what Rapport plans: the same count
     * ({@link OutboxService#outreachCounts}), whoever queued the mail. Two callers composing for one customer in the
     * same instant may both pass.
     */
    private void withinCap(long customerId) {
        int max = cap.maxEmailsPer7Days();
        int queued = outbox.outreachCounts(List.of(customerId), clock.instant().minus(Duration.ofDays(7)))
                .getOrDefault(customerId, 0);
        if (queued >= max) {
            throw new Conflict("customer: already " + queued + " outreach emails in the last 7 days, the most the rule "
                    + "contact.max_emails_per_7_days allows (" + max + "); mail the customer asked for ("
                    + MailTemplate.requested() + ") is not counted.");
        }
    }

    private void count(String username) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        mapper.countComposed(username, today);
        if (mapper.composed(username, today) > perLoginPerDay) {
            Duration untilTomorrow = Duration.between(now, today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            throw new TooManyRequests("A login composes at most " + perLoginPerDay + " emails a day (UTC); " + username
                    + " has reached that today.", untilTomorrow);
        }
        mapper.forgetComposedBefore(username, today);
    }
}
