package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.rapport.mail.MailTemplates;
import org.rapport.mail.RenderedMail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one claimed message: the contact policy first (as it stands now), then whether its cause still stands (the
 * {@link SendVeto}s of the features), then the throttle, rendering, composing and delivery; every way it can end becomes
 * an {@link Outcome} for that message alone.
 */
@ApplicationScoped
public class MessageSender {

    private static final Logger LOG = Logger.getLogger(MessageSender.class.getName());

    @Inject
    MailTemplates templates;

    @Inject
    Links links;

    @Inject
    MailSettings settings;

    @Inject
    SendWindows windows;

    @Inject
    Instance<SendVeto> vetoes;

    @Inject
    Clock clock;

    public Outcome send(ClaimedMessage m, Postman postman, Throttle throttle) {
        Instant now = clock.instant();
        String recipient = m.recipientEmail();
        Optional<String> blocked = m.toCustomer()
                ? MailTemplate.byName(m.template).map(t -> t.blockedBy(m.consent(), m.problemPending))
                        .orElseGet(() -> m.purpose.blockedBy(m.consent()))
                : Optional.ofNullable(recipient == null || recipient.isBlank() ? "the salesperson has no email address" : null);
        if (blocked.isEmpty() && m.toCustomer()) {
            blocked = vetoed(m);
        }
        if (blocked.isPresent()) {
            return Outcome.suppressed(m.id, recipient, blocked.get(), now);
        }
        String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        long domainWait = throttle.domainWait(domain, System.nanoTime());
        if (domainWait > 0) {
            return Outcome.deferred(m.id, "held back by the per-domain rate limit",
                    RetryMoment.of(now.plusNanos(domainWait), m, windows), now);
        }
        RenderedMail rendered;
        MimeMessage message;
        try {
            // the unsubscribe link is in the body and in the List-Unsubscribe header: signed once
            Optional<String> unsubscribe = unsubscribeUrl(m);
            rendered = templates.render(template(m).folder(), locale(m), model(m, unsubscribe));
            message = MessageComposer.compose(postman.session(), envelope(m, now, unsubscribe), rendered);
        } catch (RuntimeException | MessagingException e) {
            // a template or an address that cannot work: retrying the same row would fail the same way
            LOG.log(Level.WARNING, e, () -> "Outbox message " + m.id + " could not be composed");
            return Outcome.notComposable(m.id, recipient, "could not compose: " + rootMessage(e), now);
        }
        try {
            postman.deliver(message);
            return Outcome.sent(m.id, recipient, rendered.subject(), clock.instant());
        } catch (MessagingException e) {
            return notDelivered(m, rendered.subject(), e, now);
        }
    }

    /**
     * The message rendered now as {@link #send} would render it (its stored fields, the people as they are now, the
     * templates as they are now) to be shown to staff: the customer's own links (unsubscribe, ratings, consent, …) are
     * signed for the customer alone, so each becomes {@code #name} ({@link #inert}).
     */
    RenderedMail renderToShow(ClaimedMessage m) {
        Map<String, Object> model = model(m, unsubscribeUrl(m));
        if (m.toCustomer()) {
            model.put("links", inert(model.get("links")));
        }
        return templates.render(template(m).folder(), locale(m), model);
    }

    /**
     * Links that lead nowhere: each string becomes {@code #key}, each entry of a list of links {@code #key-n} (its
     * {@code url}), so a template's tests for a link still hold and the rendering keeps its shape.
     */
    static Map<String, Object> inert(Object links) {
        Map<String, Object> inert = new HashMap<>();
        if (links instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = "#" + key;
                if (value instanceof List<?> list) {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof Map<?, ?> item) {
                            Map<String, Object> copy = new HashMap<>();
                            item.forEach((k, v) -> copy.put(String.valueOf(k), v));
                            copy.put("url", name + "-" + (i + 1));
                            items.add(copy);
                        } else {
                            items.add(name + "-" + (i + 1));
                        }
                    }
                    inert.put(String.valueOf(key), items);
                } else {
                    inert.put(String.valueOf(key), name);
                }
            });
        }
        return inert;
    }

    /** Why a feature's cause of this customer message no longer stands, or empty. */
    private Optional<String> vetoed(ClaimedMessage m) {
        Optional<MailTemplate> template = MailTemplate.byName(m.template);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        for (SendVeto veto : vetoes) {
            Optional<String> reason = veto.vetoes(template.get(), m.idempotencyKey, m.customerId);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /**
     * The server refused or could not be reached: failed for good, or tried again later while attempts remain (after the
     * backoff, inside the customer's send window when the message keeps to one).
     */
    Outcome notDelivered(ClaimedMessage m, String subject, MessagingException e, Instant now) {
        String recipient = m.recipientEmail();
        SendFailure failure = SendFailure.of(e);
        Backoff backoff = settings.backoff();
        if (failure.permanent()) {
            return Outcome.failed(m.id, recipient, subject, failure.description(), now);
        }
        if (backoff.exhausted(m.attempts)) {
            return Outcome.failed(m.id, recipient, subject, "gave up after " + m.attempts + " attempts: " + failure.description(), now);
        }
        return Outcome.retry(m.id, recipient, subject, failure.description(),
                RetryMoment.of(now.plus(backoff.after(m.attempts, ThreadLocalRandom.current())), m, windows), now);
    }

    private static MailTemplate template(ClaimedMessage m) {
        return MailTemplate.byName(m.template).orElseThrow(() -> new IllegalStateException("There is no template " + m.template));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /**
     * Waits until the overall rate limit lets the next message go (the caller does so before it holds a row).
     *
     * @return whether a permit was taken (not when the wait was interrupted)
     */
    static boolean awaitOverall(Throttle throttle) {
        for (long wait = throttle.overallWait(System.nanoTime()); wait > 0; wait = throttle.overallWait(System.nanoTime())) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Locale locale(ClaimedMessage m) {
        String tag = m.locale != null ? m.locale : m.toCustomer() && m.customerLocale != null ? m.customerLocale : "en";
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Locale.ENGLISH;
        }
    }

    /** The customer's unsubscribe link, in every customer email but netweaving's introduction (see {@link #envelope}). */
    private Optional<String> unsubscribeUrl(ClaimedMessage m) {
        return m.toCustomer() && !copied(m) ? Optional.of(links.unsubscribeUrl(m.customerId, m.id)) : Optional.empty();
    }

    private Envelope envelope(ClaimedMessage m, Instant now, Optional<String> unsubscribe) {
        String sender = m.salespersonName == null ? settings.companyName() : m.salespersonName;
        if (!m.toCustomer()) {
            return new Envelope(m.messageId, new Envelope.Address(settings.from(), "Rapport · " + settings.companyName()),
                    new Envelope.Address(m.salespersonEmail, m.salespersonName), List.of(), Optional.empty(), now);
        }
        if (copied(m) && template(m).read(FieldsJson.read(m.fields)) instanceof MailModel.Introduction intro) {
            // netweaving's introduction, one copy to each customer: replies go to both customers and the owners read along
            // in Cc; no unsubscribe link (header or body), since an owner who clicked theirs would unsubscribe the customer
            return new Envelope(m.messageId, new Envelope.Address(settings.from(), sender),
                    new Envelope.Address(m.customerEmail, m.customerFullName()), addresses(intro.copies().cc()),
                    addresses(intro.copies().replyTo()), Optional.empty(), now);
        }
        List<Envelope.Address> replyTo = new ArrayList<>();
        if (m.salespersonEmail != null && !m.salespersonEmail.isBlank()) {
            replyTo.add(new Envelope.Address(m.salespersonEmail, m.salespersonName));
        }
        links.replyAddress(m.customerId, m.id).ifPresent(address -> replyTo.add(new Envelope.Address(address, sender)));
        return new Envelope(m.messageId, new Envelope.Address(settings.from(), sender),
                new Envelope.Address(m.customerEmail, m.customerFullName()), replyTo,
                unsubscribe.map(url -> new Envelope.ListUnsubscribe(url, links.unsubscribeMailto(m.customerId, m.id))), now);
    }

    /** Whether others get a copy of the message (netweaving's introduction). */
    private static boolean copied(ClaimedMessage m) {
        return m.toCustomer() && template(m) == MailTemplate.INTRODUCTION
                && template(m).read(FieldsJson.read(m.fields)) instanceof MailModel.Introduction intro && intro.copies() != null;
    }

    private static List<Envelope.Address> addresses(List<MailModel.Person> people) {
        return people == null ? List.of() : people.stream().map(p -> new Envelope.Address(p.email(), p.name())).toList();
    }

    /**
     * The template model: the cause's model as stored, then the people and links as they are now. Links in customer
     * mail are only the ones made here; internal mail keeps the links to Rapport's pages its cause put in.
     */
    Map<String, Object> model(ClaimedMessage m, Optional<String> unsubscribe) {
        Map<String, Object> model = new HashMap<>(ModelMaps.toMap(template(m).read(FieldsJson.read(m.fields))));
        Map<String, Object> company = new HashMap<>();
        company.put("name", settings.companyName());
        model.put("company", company);
        Map<String, Object> salesperson = new HashMap<>();
        salesperson.put("name", m.salespersonName == null ? settings.companyName() : m.salespersonName);
        salesperson.put("email", m.salespersonEmail == null ? settings.from() : m.salespersonEmail);
        model.put("salesperson", salesperson);
        Map<String, Object> linkModel = new HashMap<>();
        if (!m.toCustomer() && model.get("links") instanceof Map<?, ?> internal) {
            internal.forEach((k, v) -> linkModel.put(String.valueOf(k), v));
        }
        if (m.toCustomer()) {
            Map<String, Object> customer = new HashMap<>();
            customer.put("preferredName", m.customerGreetingName());
            customer.put("firstName", m.contactFirstName == null ? "" : m.contactFirstName);
            customer.put("lastName", m.contactLastName == null ? "" : m.contactLastName);
            customer.put("company", m.company == null ? "" : m.company);
            model.put("customer", customer);
            model.put("recipient", Map.of("name", m.customerGreetingName()));
            unsubscribe.ifPresent(url -> linkModel.put("unsubscribe", url));
            if (template(m) == MailTemplate.INTRODUCTION_CONSENT && model.get("introduction") instanceof Map<?, ?> asked) {
                String url = links.consentUrl(m.customerId, m.id, Long.parseLong(String.valueOf(asked.get("id"))),
                        String.valueOf(asked.get("side")));
                linkModel.put("consentYes", url + "?answer=yes");
                linkModel.put("consentNo", url + "?answer=no");
            }
            if (template(m) == MailTemplate.INTRODUCTION_FOLLOW_UP && model.get("introduction") instanceof Map<?, ?> met) {
                String url = links.meetingUrl(m.customerId, m.id, Long.parseLong(String.valueOf(met.get("id"))));
                linkModel.put("metYes", url + "?answer=yes");
                linkModel.put("metNo", url + "?answer=no");
            }
            if (template(m) == MailTemplate.POLL && model.get("poll") instanceof Map<?, ?> asked) {
                linkModel.put("poll", links.pollUrl(m.customerId, m.id, Long.parseLong(String.valueOf(asked.get("id")))));
            }
            if (template(m).purpose() == MailPurpose.THANK_YOU) {
                linkModel.put("recommend", links.recommendUrl(m.customerId, m.id));
            }
            if (template(m) == MailTemplate.PROBLEM_CHECK_IN) {
                linkModel.put("ratings", java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(score -> Map.of(
                        "score", Integer.toString(score), "url", links.ratingUrl(m.customerId, m.id, score))).toList());
            }
            settings.companyUrl().ifPresent(url -> {
                linkModel.put("website", links.tracked(url, m.customerId, m.id));
                company.put("url", url);
            });
        } else {
            model.put("recipient", Map.of("name", salesperson.get("name")));
        }
        model.put("links", linkModel);
        return model;
    }
}
