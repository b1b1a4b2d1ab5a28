package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.categories.Category;
import org.rapport.categories.CategoryService;
import org.rapport.categories.Taxonomy;
import org.rapport.customers.Consent;
import org.rapport.customers.ConsentService;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel;
import org.rapport.outbox.MailPurpose;
import org.rapport.outbox.OutboxService;
import org.rapport.outbox.OutboxStatus;
import org.rapport.outbox.SendWindows;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.RuleService;
import org.rapport.planning.Rules;
import org.rapport.platform.database.ColumnText;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The introduction's life from APPROVED to INTRODUCED, driven by emails and the customers' answers on their consent
 * links ({@code /consent/…}).
 * <ul>
 * <li>Approved: the first customer (who needs what the other offers) is asked by their salesperson
 * ({@code introduction-consent}: the other company's name and what it offers that this customer needs, nothing else:
 * not what the other looks for, since it has not consented yet); CONSENT_REQUESTED_FIRST.</li>
 * <li>Their yes: CONSENT_REQUESTED_SECOND, and the second is asked the same way, with what the first looks for that the
 * second offers too (the first has consented). The second's yes: CONSENTED; each
 * customer's {@code introduction} is queued, from their own salesperson, in their own language, with both owners in Cc
 * and both customers in Reply-To. Once the outbox has sent both ({@link #copySent}): INTRODUCED as of the later one's
 * sending, and a {@code thank-you-introduction} note each, under the thank-you rules. A copy that will never be
 * delivered ({@link #copyNotSent}): WITHDRAWN, the other copy taken back if it still waits.</li>
 * <li>A no from either: CONSENT_DECLINED. When the second declines, the first is told nothing: the page after their
 * yes said that they will hear from us only if the introduction happens, so silence is the "not now", and a decline
 * looks exactly like a request that expired unanswered. A note "not now" sent only on a decline would tell them the
 * other side said no; one sent on expiry too would add an email that says nothing.</li>
 * <li>Unanswered: one reminder after {@link ConsentDeadlines#remindAfter} business days of the customer asked, EXPIRED
 * after {@link ConsentDeadlines#expireAfter} ({@link #settle}, run by {@link IntroductionStepsJob}).</li>
 * <li>A customer who cannot be emailed about introductions (their consent, an open problem) when it is their turn:
 * WITHDRAWN, with the reason.</li>
 * </ul>
 * Every email here keeps to its customer's send window, as planned email does ({@link SendWindows}): a request that
 * follows a click at night waits for the morning, and the deadlines count from that moment (the request's and the
 * reminder's {@code not_before}, stored as {@code consent_requested_at} and {@code reminded_at}, moved to when the
 * outbox sent it if that is later: {@link #requestSent}), not from the click. Everything is written in the transaction
 * of the move that caused it; what follows a delivery, in a transaction of its own once the outbox's record committed
 * ({@link IntroductionDeliveries}), caught up by {@link #catchUp} and {@link #settle} when that failed.
 */
@ApplicationScoped
public class IntroductionConsents {

    /** The width of {@code introduction_event.note}, in characters. */
    private static final int NOTE_WIDTH = 1000;

    /** How many waiting introductions one run of the reminder job looks at; the next run takes the rest. */
    static final int SWEEP_LIMIT = 500;

    @Inject
    IntroductionService introductions;

    @Inject
    IntroductionMapper mapper;

    @Inject
    OutboxService outbox;

    @Inject
    ConsentService consents;

    @Inject
    SendWindows windows;

    @Inject
    RuleService rules;

    @Inject
    CategoryService categories;

    @Inject
    IntroductionSettings settings;

    @Inject
    Clock clock;

    /**
     * What a consent page shows: the question as the customer's email put it.
     *
     * @param youNeed  what the other offers that this customer needs
     * @param youOffer what the other needs that this customer offers: for the second customer only (the first has
     *                 consented by then), empty for the first
     */
    public record Question(long introductionId, ConsentSide side, String otherCompany, String youNeed, String youOffer) {
    }

    /** Approved (by the owners, in their transaction): the first customer is asked. */
    void approved(@Observes IntroductionMoved moved) {
        if (moved.to() == IntroductionStage.APPROVED) {
            ask(moved.introductionId(), ConsentSide.FIRST, IntroductionEvent.RAPPORT, null);
        }
    }

    /**
     * The question a valid link asks, while it is still open: the introduction awaits this side's answer and the link
     * was made for this side's customer. Changes nothing (mail scanners fetch links).
     */
    public Optional<Question> open(long customerId, long introductionId, ConsentSide side) {
        return mapper.peek(introductionId).filter(s -> awaits(s, customerId, side)).map(s -> question(s, side));
    }

    /**
     * Records a customer's answer, with the introduction's row locked: only while it awaits this side's answer and only
     * from this side's customer. A link answered before, of the other side or of an introduction that moved on (expired,
     * withdrawn) changes nothing.
     *
     * @return whether the answer was taken
     */
    @Transactional
    public boolean answer(long customerId, long introductionId, ConsentSide side, boolean yes) {
        Optional<IntroductionMapper.Stored> stored = mapper.lock(introductionId);
        if (stored.isEmpty() || !awaits(stored.get(), customerId, side)) {
            return false;
        }
        String actor = "customer:" + mapper.party(customerId).orElseThrow().externalId;
        if (!yes) {
            introductions.move(introductionId, IntroductionStage.CONSENT_DECLINED, actor, null);
        } else if (side == ConsentSide.FIRST) {
            ask(introductionId, ConsentSide.SECOND, actor, null);
        } else {
            introductions.move(introductionId, IntroductionStage.CONSENTED, actor, null);
            introduce(stored.get());
        }
        return true;
    }

    /**
     * The introductions whose consent request may be due for its reminder or expiry now (a plain read; each is settled in
     * a transaction of its own by {@link #settle}, so one that fails holds up no other).
     */
    public List<Long> dueForReminderOrExpiry() {
        ConsentDeadlines deadlines = settings.deadlines();
        Instant now = clock.instant();
        BusinessCalendar calendar = rules.calendar();
        // business days never outnumber calendar days: nothing younger than remindAfter calendar days is due, and no
        // reminder younger than (expireAfter - remindAfter) days expires (a day's margin for the customer's zone)
        List<IntroductionMapper.AwaitingRow> due = mapper.awaitingConsent(now.minus(Duration.ofDays(deadlines.remindAfter())),
                        now.minus(Duration.ofDays(deadlines.expireAfter() - deadlines.remindAfter() - 1L)), SWEEP_LIMIT).stream()
                .filter(w -> deadlines.due(calendar, w.consentRequestedAt, w.remindedAt, now, Zones.orUtc(w.timeZone),
                        w.region) != ConsentDeadlines.Due.NOTHING).toList();
        // a request still waiting to leave is not reminded of (settle would lock it for nothing on every run), unless
        // its row is lost (FAILED, SUPPRESSED), which settle catches up: one read of all their requests' rows
        Map<String, OutboxService.Delivery> requests = outbox.deliveries(due.stream().map(IntroductionConsents::requestKey).toList());
        return due.stream().filter(w -> w.remindedAt != null || Optional.ofNullable(requests.get(requestKey(w)))
                        .filter(d -> d.status() != OutboxStatus.PENDING && d.status() != OutboxStatus.SENDING).isPresent())
                .map(w -> w.id).toList();
    }

    private static String requestKey(IntroductionMapper.AwaitingRow waiting) {
        return IntroductionMailKey.consent(waiting.id, ConsentSide.awaitedIn(waiting.stage).orElseThrow());
    }

    /**
     * Sends the one reminder or expires the request, whichever is due, decided again on the introduction as it is with
     * its row locked (answered, reminded or expired by another instance meanwhile: nothing to do).
     *
     * @return what was done
     */
    @Transactional
    public ConsentDeadlines.Due settle(long id) {
        Optional<IntroductionMapper.Stored> locked = mapper.lock(id);
        Optional<ConsentSide> side = locked.flatMap(s -> ConsentSide.awaitedIn(s.stage()));
        if (side.isEmpty()) {
            return ConsentDeadlines.Due.NOTHING;
        }
        IntroductionMapper.Stored stored = locked.get();
        Optional<OutboxService.Delivery> request = catchUpRequests(id, side.get());
        if (request.isPresent() && (request.get().status() == OutboxStatus.FAILED || request.get().status() == OutboxStatus.SUPPRESSED)) {
            // the request will never reach the customer, and its event was lost: as requestNotSent would have done
            withdrawUndelivered(stored, side.get(), request.get().status(), request.get().error());
            return ConsentDeadlines.Due.NOTHING;
        }
        IntroductionMapper.ConsentRow consent = mapper.consent(id).orElseThrow();
        IntroductionMapper.PartyRow asked = mapper.party(customerOf(stored, side.get())).orElseThrow();
        ConsentDeadlines deadlines = settings.deadlines();
        Instant now = clock.instant();
        ConsentDeadlines.Due due = consent.consentRequestedAt == null ? ConsentDeadlines.Due.NOTHING
                : deadlines.due(rules.calendar(), consent.consentRequestedAt, consent.remindedAt, now,
                Zones.orUtc(asked.timeZone), asked.region);
        boolean requestLeft = request.filter(r -> r.status() == OutboxStatus.SENT).isPresent();
        if (due == ConsentDeadlines.Due.REMIND && !requestLeft) {
            // a request still waiting (the throttle, retries, a downtime) is not reminded of: the deadlines wait for it
            return ConsentDeadlines.Due.NOTHING;
        }
        if (due == ConsentDeadlines.Due.REMIND) {
            remind(stored, side.get(), asked, now);
        } else if (due == ConsentDeadlines.Due.EXPIRE) {
            introductions.move(id, IntroductionStage.EXPIRED, IntroductionEvent.RAPPORT, "no answer within "
                    + deadlines.expireAfter() + " business days and a reminder");
        }
        return due;
    }

    /**
     * What {@link #requestSent} would have done, from the request's and the reminder's rows, if its event was lost.
     *
     * @return the request's row, when there is one
     */
    private Optional<OutboxService.Delivery> catchUpRequests(long id, ConsentSide side) {
        String request = IntroductionMailKey.consent(id, side);
        String reminder = IntroductionMailKey.reminder(id, side);
        Map<String, OutboxService.Delivery> left = outbox.deliveries(List.of(request, reminder));
        for (String key : List.of(request, reminder)) {
            OutboxService.Delivery d = left.get(key);
            if (d != null && d.status() == OutboxStatus.SENT && d.sentAt() != null) {
                countFrom(id, key.equals(reminder), d.sentAt());
            }
        }
        return Optional.ofNullable(left.get(request));
    }

    private static boolean awaits(IntroductionMapper.Stored stored, long customerId, ConsentSide side) {
        return stored.stage() == side.asked() && customerOf(stored, side) == customerId;
    }

    private static long customerOf(IntroductionMapper.Stored stored, ConsentSide side) {
        return side == ConsentSide.FIRST ? stored.firstCustomerId() : stored.secondCustomerId();
    }

    /** Moves to the side's asked stage and queues its request; withdraws when that customer cannot be asked now. */
    private void ask(long id, ConsentSide side, String actor, String note) {
        introductions.move(id, side.asked(), actor, note);
        IntroductionMapper.Stored stored = mapper.lock(id).orElseThrow();
        long customerId = customerOf(stored, side);
        Optional<String> blocked = blocked(customerId, Consent.Purpose.INTRODUCTION);
        if (blocked.isPresent()) {
            introductions.move(id, IntroductionStage.WITHDRAWN, IntroductionEvent.RAPPORT,
                    "the " + side.name().toLowerCase(java.util.Locale.ROOT) + " customer cannot be asked: " + blocked.get());
            return;
        }
        // the deadlines count from the moment the request may leave, not from this click (at night, say)
        Instant leaves = leaves(mapper.party(customerId).orElseThrow(), clock.instant());
        mapper.markConsentRequested(id, leaves);
        outbox.enqueue(new Mail(IntroductionMailKey.consent(id, side), new MailModel.IntroductionConsent(request(stored, side, false)),
                customerId, null, null, leaves, true));
    }

    private void remind(IntroductionMapper.Stored stored, ConsentSide side, IntroductionMapper.PartyRow customer, Instant now) {
        Instant leaves = leaves(customer, now);
        mapper.markReminded(stored.id(), leaves);
        mapper.insertEvent(stored.id(), IntroductionEvent.REMINDED, stored.stage(), stored.stage(), IntroductionEvent.RAPPORT,
                null, now);
        outbox.enqueue(new Mail(IntroductionMailKey.reminder(stored.id(), side),
                new MailModel.IntroductionConsent(request(stored, side, true)), customer.id, null, null, leaves, true));
    }

    /** The first moment at or after {@code now} inside the customer's send window: when their email may leave. */
    private Instant leaves(IntroductionMapper.PartyRow customer, Instant now) {
        return windows.next(now, Zones.orUtc(customer.timeZone), customer.region);
    }

    /**
     * Both said yes: the introduction to each, each held to its recipient's send window. The introduction stays
     * CONSENTED until the outbox reports both copies SENT ({@link #copySent}) or one lost ({@link #copyNotSent}).
     */
    private void introduce(IntroductionMapper.Stored stored) {
        long id = stored.id();
        for (long customerId : List.of(stored.firstCustomerId(), stored.secondCustomerId())) {
            Optional<String> blocked = blocked(customerId, Consent.Purpose.INTRODUCTION);
            if (blocked.isPresent()) {
                introductions.move(id, IntroductionStage.WITHDRAWN, IntroductionEvent.RAPPORT,
                        "customer " + mapper.party(customerId).orElseThrow().externalId + " cannot be emailed: " + blocked.get());
                return;
            }
        }
        IntroductionMapper.PartyRow first = mapper.party(stored.firstCustomerId()).orElseThrow();
        IntroductionMapper.PartyRow second = mapper.party(stored.secondCustomerId()).orElseThrow();
        String why = mapper.consent(id).orElseThrow().explanation;
        Map<String, MailModel.Person> owners = new LinkedHashMap<>();
        for (IntroductionMapper.PartyRow p : List.of(first, second)) {
            if (p.ownerEmail != null && !p.ownerEmail.isBlank()) {
                owners.putIfAbsent(p.ownerEmail.toLowerCase(java.util.Locale.ROOT), new MailModel.Person(p.ownerName, p.ownerEmail));
            }
        }
        MailModel.Copies copies = new MailModel.Copies(List.copyOf(owners.values()),
                List.of(new MailModel.Person(first.contact(), first.email), new MailModel.Person(second.contact(), second.email)));
        Instant now = clock.instant();
        for (IntroductionMapper.PartyRow[] pair : List.of(new IntroductionMapper.PartyRow[]{first, second},
                new IntroductionMapper.PartyRow[]{second, first})) {
            IntroductionMapper.PartyRow to = pair[0];
            IntroductionMapper.PartyRow other = pair[1];
            outbox.enqueue(new Mail(IntroductionMailKey.introduction(id, to.id), new MailModel.Introduction(
                    new MailModel.IntroducedContact(other.contact(), other.company, other.email, why), copies),
                    to.id, null, null, leaves(to, now), true));
        }
    }

    /**
     * The outbox sent a copy of the introduction (heard after its record committed, {@link IntroductionDeliveries}).
     * Once both are SENT the introduction was made when the later left: INTRODUCED at that moment, and only then the
     * thank-you notes are queued. With the row locked, so of two copies sent at once the second to get here sees the
     * first's SENT and makes the move. A copy sent after the introduction was WITHDRAWN (a copy already on the wire
     * when the other failed) is told in its history, since that customer has it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void copySent(long id, long customerId, Instant sentAt) {
        Optional<IntroductionMapper.Stored> locked = mapper.lock(id);
        if (locked.isEmpty()) {
            return;
        }
        IntroductionMapper.Stored stored = locked.get();
        if (stored.stage() == IntroductionStage.WITHDRAWN
                && (customerId == stored.firstCustomerId() || customerId == stored.secondCustomerId())) {
            String external = mapper.party(customerId).map(p -> p.externalId).orElse(Long.toString(customerId));
            mapper.insertEvent(id, IntroductionEvent.COPY_SENT, stored.stage(), stored.stage(), IntroductionEvent.RAPPORT,
                    "the introduction to customer " + external + " was sent after all, after the introduction was withdrawn",
                    sentAt);
            return;
        }
        followCopies(stored);
    }

    /**
     * A copy of the introduction will never reach its customer (FAILED, SUPPRESSED): as when a customer cannot be
     * emailed at the second yes, WITHDRAWN with the reason, and the other copy, if it still waits, is taken back, so the
     * other customer hears nothing more (silence is the "not now"). A copy already sent stays sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void copyNotSent(long id, long customerId, OutboxStatus status, String reason) {
        Optional<IntroductionMapper.Stored> locked = mapper.lock(id);
        if (locked.isEmpty() || locked.get().stage() != IntroductionStage.CONSENTED) {
            return;
        }
        IntroductionMapper.Stored stored = locked.get();
        if (customerId != stored.firstCustomerId() && customerId != stored.secondCustomerId()) {
            return; // not one of its copies
        }
        withdraw(stored, customerId, status, reason);
    }

    /**
     * The outbox sent a consent request or its reminder: while its answer is still awaited, the deadlines count from
     * when it left if that is later than the window's opening it was queued for ({@link ConsentDeadlines#countedFrom}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void requestSent(long id, ConsentSide side, boolean reminder, Instant sentAt) {
        Optional<IntroductionMapper.Stored> locked = mapper.lock(id);
        if (locked.isPresent() && locked.get().stage() == side.asked()) {
            countFrom(id, reminder, sentAt);
        }
    }

    /**
     * A consent request or its reminder will never reach its customer (FAILED, SUPPRESSED): while that answer is still
     * awaited, WITHDRAWN with the reason, rather than waiting for an expiry (or reminding an address that fails).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void requestNotSent(long id, ConsentSide side, OutboxStatus status, String reason) {
        Optional<IntroductionMapper.Stored> locked = mapper.lock(id);
        if (locked.isEmpty() || locked.get().stage() != side.asked()) {
            return;
        }
        withdrawUndelivered(locked.get(), side, status, reason);
    }

    private void withdrawUndelivered(IntroductionMapper.Stored stored, ConsentSide side, OutboxStatus status, String reason) {
        String external = mapper.party(customerOf(stored, side)).map(p -> p.externalId).orElse("?");
        introductions.move(stored.id(), IntroductionStage.WITHDRAWN, IntroductionEvent.RAPPORT, ColumnText.fitted("the consent "
                + "request to customer " + external + " was not delivered (" + status + (reason == null ? "" : ": " + reason)
                + ")", NOTE_WIDTH));
    }

    /**
     * The CONSENTED introductions whose copies may have been sent or lost without their event being handled (a failure
     * after the outbox's commit, a process that stopped in between): {@link #catchUp} looks at each.
     */
    public List<Long> waitingForCopies() {
        // two plain reads whatever their number (the job runs often): only an introduction whose copies decide it (both
        // SENT, one lost) is worth a transaction and a lock
        List<IntroductionMapper.Customers> consented = mapper.consented(SWEEP_LIMIT);
        Map<String, OutboxService.Delivery> copies = outbox.deliveries(consented.stream()
                .flatMap(p -> copyKeys(p.id(), p.firstCustomerId(), p.secondCustomerId()).stream()).toList());
        return consented.stream().filter(p -> {
            List<OutboxService.Delivery> mine = copyKeys(p.id(), p.firstCustomerId(), p.secondCustomerId()).stream()
                    .map(copies::get).filter(java.util.Objects::nonNull).toList();
            return mine.stream().anyMatch(c -> c.status() == OutboxStatus.FAILED || c.status() == OutboxStatus.SUPPRESSED)
                    || mine.size() == 2 && mine.stream().allMatch(c -> c.status() == OutboxStatus.SENT);
        }).map(IntroductionMapper.Customers::id).toList();
    }

    /**
     * Does what the outbox's events would have done for a CONSENTED introduction, from its copies' rows as they are:
     * both SENT, INTRODUCED at the later one's sending; one FAILED or SUPPRESSED, WITHDRAWN. Nothing while a copy waits.
     */
    @Transactional
    public void catchUp(long id) {
        Optional<IntroductionMapper.Stored> locked = mapper.lock(id);
        if (locked.isEmpty() || locked.get().stage() != IntroductionStage.CONSENTED) {
            return;
        }
        IntroductionMapper.Stored stored = locked.get();
        if (followCopies(stored)) {
            return;
        }
        Map<String, OutboxService.Delivery> copies = outbox.deliveries(copyKeys(stored));
        for (long customerId : List.of(stored.firstCustomerId(), stored.secondCustomerId())) {
            OutboxService.Delivery copy = copies.get(IntroductionMailKey.introduction(id, customerId));
            if (copy != null && (copy.status() == OutboxStatus.FAILED || copy.status() == OutboxStatus.SUPPRESSED)) {
                withdraw(stored, customerId, copy.status(), copy.error());
                return;
            }
        }
    }

    private static List<String> copyKeys(IntroductionMapper.Stored stored) {
        return copyKeys(stored.id(), stored.firstCustomerId(), stored.secondCustomerId());
    }

    private static List<String> copyKeys(long id, long firstCustomerId, long secondCustomerId) {
        return List.of(IntroductionMailKey.introduction(id, firstCustomerId), IntroductionMailKey.introduction(id, secondCustomerId));
    }

    /**
     * With the introduction's row locked: CONSENTED and both copies SENT, INTRODUCED as of the later one and the
     * thank-you notes queued. Anything but CONSENTED changes nothing.
     *
     * @return whether it moved
     */
    private boolean followCopies(IntroductionMapper.Stored stored) {
        long id = stored.id();
        if (stored.stage() != IntroductionStage.CONSENTED) {
            return false;
        }
        Map<String, OutboxService.Delivery> copies = outbox.deliveries(copyKeys(stored));
        if (!copies.values().stream().allMatch(c -> c.status() == OutboxStatus.SENT) || copies.size() != 2) {
            return false;
        }
        Instant introducedAt = copies.values().stream().map(OutboxService.Delivery::sentAt).max(Instant::compareTo).orElseThrow();
        introductions.move(id, IntroductionStage.INTRODUCED, IntroductionEvent.RAPPORT, null, introducedAt);
        IntroductionMapper.PartyRow first = mapper.party(stored.firstCustomerId()).orElseThrow();
        IntroductionMapper.PartyRow second = mapper.party(stored.secondCustomerId()).orElseThrow();
        Rules rules = this.rules.rules();
        Instant now = clock.instant();
        thankYou(id, first, second, rules, now);
        thankYou(id, second, first, rules, now);
        return true;
    }

    /** The customer's copy will never reach them: WITHDRAWN, and the other copy taken back if it still waits. */
    private void withdraw(IntroductionMapper.Stored stored, long customerId, OutboxStatus status, String reason) {
        long id = stored.id();
        long other = customerId == stored.firstCustomerId() ? stored.secondCustomerId() : stored.firstCustomerId();
        String otherKey = IntroductionMailKey.introduction(id, other);
        boolean takenBack = outbox.withdrawWaiting(otherKey, "introduction " + id + " was withdrawn: the "
                + "other customer's copy was not delivered");
        OutboxService.Delivery otherCopy = outbox.deliveries(List.of(otherKey)).get(otherKey);
        String external = mapper.party(customerId).map(p -> p.externalId).orElse(Long.toString(customerId));
        String otherExternal = mapper.party(other).map(p -> p.externalId).orElse(Long.toString(other));
        String ofOther = takenBack ? "taken back" : otherCopy == null ? "not queued" : otherCopy.status() == OutboxStatus.SENT
                ? "already sent" : otherCopy.status().name();
        introductions.move(id, IntroductionStage.WITHDRAWN, IntroductionEvent.RAPPORT, ColumnText.fitted("the introduction to customer "
                + external + " was not delivered (" + status + (reason == null ? "" : ": " + reason) + "); the copy to customer "
                + otherExternal + ": " + ofOther, NOTE_WIDTH));
    }

    /** The request (or reminder) left at {@code sentAt}: its deadlines count from then if that is later than stored. */
    private void countFrom(long id, boolean reminder, Instant sentAt) {
        IntroductionMapper.ConsentRow consent = mapper.consent(id).orElseThrow();
        Instant stored = reminder ? consent.remindedAt : consent.consentRequestedAt;
        Instant counted = ConsentDeadlines.countedFrom(stored, sentAt);
        if (counted.equals(stored)) {
            return;
        }
        if (reminder) {
            mapper.markReminded(id, counted);
        } else {
            mapper.consentRequestLeft(id, counted);
        }
    }

    /**
     * The thank-you note for consenting, under the planner's rules: only when {@code thank_you.after_introduction} is on,
     * the customer keeps thank-you notes and had none queued within {@code thank_you.min_days_between} days.
     */
    private void thankYou(long id, IntroductionMapper.PartyRow to, IntroductionMapper.PartyRow other, Rules rules, Instant now) {
        if (!rules.thankYouAfterIntroduction() || blocked(to.id, Consent.Purpose.THANK_YOU).isPresent()) {
            return;
        }
        if (outbox.lastQueued(List.of(to.id), MailPurpose.THANK_YOU, now.minus(Duration.ofDays(rules.thankYouMinDaysBetween())))
                .containsKey(to.id)) {
            return;
        }
        outbox.enqueue(new Mail("thank-you-introduction:" + id + ":" + to.id, new MailModel.ThankYouIntroduction(
                new MailModel.IntroducedCompany(other.company)), to.id, null, null, leaves(to, now), true));
    }

    /** Why the customer cannot get an email of the purpose now (their consent, a problem pending), or empty. */
    Optional<String> blocked(long customerId, Consent.Purpose purpose) {
        Optional<Consent> consent = consents.of(customerId);
        if (consent.isEmpty()) {
            return Optional.of("the customer is gone");
        }
        return consent.get().blocksEmail(purpose)
                .or(() -> Consent.blocksDuringProblem(consents.problemPending(customerId), false));
    }

    private MailModel.ConsentRequest request(IntroductionMapper.Stored stored, ConsentSide side, boolean reminder) {
        Question q = question(stored, side);
        return new MailModel.ConsentRequest(Long.toString(stored.id()), side.name(), q.otherCompany(), q.youNeed(),
                q.youOffer(), reminder ? "true" : "");
    }

    private Question question(IntroductionMapper.Stored stored, ConsentSide side) {
        IntroductionMapper.ConsentRow consent = mapper.consent(stored.id()).orElseThrow();
        IntroductionMapper.PartyRow other = mapper.party(side == ConsentSide.FIRST ? stored.secondCustomerId()
                : stored.firstCustomerId()).orElseThrow();
        Taxonomy taxonomy = categories.taxonomy();
        String firstNeeds = names(taxonomy, consent.firstNeeds);
        // the first is asked before the second consented: nothing of the second's needs, only what it offers
        return side == ConsentSide.FIRST
                ? new Question(stored.id(), side, other.company, firstNeeds, "")
                : new Question(stored.id(), side, other.company, names(taxonomy, consent.secondNeeds), firstNeeds);
    }

    /** The categories' names, comma-separated (a code no longer in the taxonomy as itself). */
    private static String names(Taxonomy taxonomy, String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String code : codes.split(";")) {
            names.add(taxonomy.find(code).map(Category::name).orElse(code));
        }
        return names.stream().collect(Collectors.joining(", "));
    }
}
