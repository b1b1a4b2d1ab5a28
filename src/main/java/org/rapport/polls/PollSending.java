package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.customers.CustomerLanguage;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel;
import org.rapport.outbox.OutboxService;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.RuleService;
import org.rapport.planning.Rules;
import org.rapport.platform.database.Batches;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Role;
import org.rapport.platform.time.Zones;
import org.rapport.team.TeamService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a poll to its sample, once: the customers of its audience (within the defining manager's team) that may get a
 * poll now (consent to POLLS, no problem pending, under the cap on outreach email, no other poll within the rules'
 * interval, a next send-window moment not after the poll's last day: {@link LeftOut}), a seeded draw of them
 * ({@link PollSample}), a {@code poll_recipient} row and one personal email from their salesperson each, queued for that
 * moment. The poll's row is locked and must still be SCHEDULED, so a second run (the job again, another instance, a
 * click on "send now") sends nothing.
 */
@ApplicationScoped
public class PollSending {

    @Inject
    PollMapper mapper;

    @Inject
    PollService polls;

    @Inject
    OutboxService outbox;

    @Inject
    RuleService rules;

    @Inject
    TeamService team;

    @Inject
    AuditTrail audit;

    @Inject
    Batches batches;

    @Inject
    Clock clock;

    /**
     * What a sending did: the audience, the target drawn ({@link PollSample#target}: a share capped as a sample size is),
     * how many it sent to, and per reason how many it left out ({@code not_drawn}: those the poll could have gone to but
     * the sample did not draw).
     */
    public record Sent(long poll, String status, int audience, int target, int selected, Map<String, Integer> leftOut) {
    }

    /** The polls past their last day become CLOSED, from every status that may become it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void closeEnded(LocalDate today) {
        mapper.closeEnded(today, java.util.Arrays.stream(PollStatus.values()).filter(s -> s.mayBecome(PollStatus.CLOSED)).toList());
    }

    /** Sends poll {@code id} if it is still SCHEDULED; empty when someone sent it meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Sent> sendScheduled(long id) {
        if (mapper.lockStatus(id).filter(s -> s == PollStatus.SCHEDULED).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(send(polls.require(Access.EVERYTHING, id)));
    }

    /** {@code POST /api/polls/{id}/send}: now rather than on its first day; a poll sent or closed already is a 409. */
    @Transactional
    public Sent sendNow(Access access, long id) {
        Poll poll = polls.require(access, id);
        PollStatus status = mapper.lockStatus(id).orElseThrow();
        if (!status.mayBecome(PollStatus.SENT)) {
            throw new Conflict("Poll " + id + " is " + status + "; it is sent only once.");
        }
        if (today().isAfter(poll.endsOn)) {
            throw new Conflict("Poll " + id + " ended on " + poll.endsOn + "; it can no longer be sent.");
        }
        return send(poll);
    }

    private Sent send(Poll poll) {
        mapper.lockSending(); // after the poll's row (every caller holds it): another poll's sending ends first, then its recipients count
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Rules current = rules.rules();
        List<PollMapper.Candidate> audience = mapper.audience(poll, poll.teamId == null ? null : Access.teamOf(poll.teamId),
                audienceTeam(poll), now.minus(Duration.ofDays(problemDays(poll))));
        Map<Long, Integer> outreach = outreachCounts(audience.stream().map(c -> c.customerId).toList(), now.minus(Duration.ofDays(7)));
        Instant pollsSince = now.minus(Duration.ofDays(current.pollMinDaysBetween()));
        BusinessCalendar calendar = rules.calendar(); // read once: the customers' send windows are on its business days
        Map<LeftOut, Integer> leftOut = new EnumMap<>(LeftOut.class);
        Map<Long, PollMapper.Candidate> eligible = new LinkedHashMap<>();
        Map<Long, Instant> sendMoments = new java.util.HashMap<>();
        for (PollMapper.Candidate c : audience) {
            Optional<LeftOut> why = LeftOut.of(c.consent(), c.problemPending, outreach.getOrDefault(c.customerId, 0),
                    current.maxEmailsPer7Days(), c.lastPolledAt, pollsSince);
            if (why.isEmpty()) {
                ZoneId zone = Zones.orUtc(c.timeZone);
                Instant moment = calendar.sendMoment(now, zone, c.region, current.sendWindowStart(), current.sendWindowEnd());
                sendMoments.put(c.customerId, moment);
                why = LeftOut.afterEnd(moment.atZone(zone).toLocalDate(), poll.endsOn);
            }
            why.ifPresentOrElse(reason -> leftOut.merge(reason, 1, Integer::sum), () -> eligible.put(c.customerId, c));
        }
        int target = PollSample.target(poll.sampleSize, poll.sampleShare, audience.size());
        List<Long> chosen = PollSample.draw(eligible.keySet(), target, poll.id);
        if (!chosen.isEmpty()) {
            Batches.chunks(chosen, OUTREACH_CHUNK).forEach(chunk -> mapper.insertRecipients(poll.id, chunk, now));
            List<Mail> mails = new ArrayList<>();
            for (long customerId : chosen) {
                mails.add(mail(poll, customerId, eligible.get(customerId).locale, sendMoments.get(customerId)));
            }
            Map<String, OutboxService.Enqueued> queued = outbox.enqueueAll(mails);
            batches.run(PollMapper.class, batch -> chosen.forEach(customerId -> {
                OutboxService.Enqueued message = queued.get(key(poll.id, customerId));
                if (message != null) {
                    batch.setRecipientMessage(poll.id, customerId, message.id());
                }
            }));
        }
        mapper.markSent(poll.id, now);
        Map<String, Integer> counts = new LinkedHashMap<>();
        leftOut.forEach((reason, n) -> counts.put(reason.name(), n));
        counts.put("NOT_DRAWN", eligible.size() - chosen.size());
        Sent sent = new Sent(poll.id, PollStatus.SENT.name(), audience.size(), target, chosen.size(), counts);
        audit.record(AuditKind.POLL_SENT, Subject.of("poll", poll.id), Change.to(Change.state("audience", sent.audience(),
                "target", target, "selected", sent.selected(), "left_out", counts)));
        return sent;
    }

    /** Customers per statement (the outbox's counts, the recipients' rows): one statement's list stays short, as the planner's pages. */
    static final int OUTREACH_CHUNK = 5_000;

    private Map<Long, Integer> outreachCounts(List<Long> customerIds, Instant since) {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        Batches.chunks(customerIds, OUTREACH_CHUNK).forEach(chunk -> counts.putAll(outbox.outreachCounts(chunk, since)));
        return counts;
    }

    /** The idempotency key of a customer's poll email. */
    static String key(long pollId, long customerId) {
        return "poll:" + pollId + ":" + customerId;
    }

    /** The customer's poll email, queued for {@code notBefore}: their next send-window moment. */
    private static Mail mail(Poll poll, long customerId, String locale, Instant notBefore) {
        boolean german = CustomerLanguage.german(locale); // as the answer page decides it
        Locale language = german ? Locale.GERMAN : Locale.ENGLISH;
        MailModel.PollInvite invite = new MailModel.PollInvite(Long.toString(poll.id),
                poll.endsOn.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language)),
                poll.questions.stream().map(q -> new MailModel.PollQuestion(q.text(german))).toList());
        return new Mail(key(poll.id, customerId), new MailModel.Poll(invite), customerId, null, null, notBefore, true);
    }

    /** The team an audience TEAM names, as a reach; one that no longer exists reaches nobody. */
    private Access audienceTeam(Poll poll) {
        if (poll.audience != Audience.TEAM) {
            return null;
        }
        return new Access(Role.MANAGER, team.idOf(poll.audienceValue).orElse(null));
    }

    private static long problemDays(Poll poll) {
        return poll.audience == Audience.PROBLEM ? Long.parseLong(poll.audienceValue) : 0;
    }

    LocalDate today() {
        return polls.today();
    }
}
