package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.planning.PlanningService;
import org.rapport.customers.Consent;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel;
import org.rapport.outbox.OutboxService;
import org.rapport.outbox.SendWindows;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Did you meet?": {@code rapport.introductions.follow-up-after-days} (14) after an introduction, each customer gets the
 * {@code introduction-follow-up} email from their salesperson, inside their send window, with one-click answers on
 * {@code /met/{token}}. "Yes, we have" moves the introduction to MET (the customer the actor); "not yet" is recorded in
 * its history ({@code NOT_MET_YET}) for the salesperson, who records what came of it through the API. Each customer
 * answers once, and only while the introduction is INTRODUCED. A customer who cannot be emailed about introductions
 * then is not asked.
 */
@ApplicationScoped
public class MeetingQuestions {

    static final int BATCH = 500;

    @Inject
    IntroductionService introductions;

    @Inject
    IntroductionConsents consents;

    @Inject
    IntroductionMapper mapper;

    @Inject
    OutboxService outbox;

    @Inject
    SendWindows windows;

    @Inject
    PlanningService planning;

    @Inject
    IntroductionSettings settings;

    @Inject
    Clock clock;

    /** Introductions made long enough ago whose customers have not been asked yet. */
    public List<Long> due() {
        return mapper.dueForFollowUp(clock.instant().minus(Duration.ofDays(settings.followUpAfterDays())), BATCH);
    }

    /** Queues the question to both customers, once; decided again with the row locked. */
    @Transactional
    public boolean ask(long id) {
        Optional<IntroductionMapper.Stored> stored = mapper.lock(id);
        Instant now = clock.instant();
        if (stored.isEmpty() || stored.get().stage() != IntroductionStage.INTRODUCED || mapper.markFollowUp(id, now) == 0) {
            return false;
        }
        IntroductionMapper.PartyRow first = mapper.party(stored.get().firstCustomerId()).orElseThrow();
        IntroductionMapper.PartyRow second = mapper.party(stored.get().secondCustomerId()).orElseThrow();
        for (IntroductionMapper.PartyRow[] pair : List.of(new IntroductionMapper.PartyRow[]{first, second},
                new IntroductionMapper.PartyRow[]{second, first})) {
            IntroductionMapper.PartyRow to = pair[0];
            if (consents.blocked(to.id, Consent.Purpose.INTRODUCTION).isEmpty()) {
                outbox.enqueue(new Mail("introduction-follow-up:" + id + ":" + to.id, new MailModel.IntroductionFollowUp(
                        new MailModel.MeetingQuestion(Long.toString(id), pair[1].contact(), pair[1].company)), to.id, null,
                        null, windows.next(now, Zones.orUtc(to.timeZone), to.region), true));
            }
        }
        mapper.insertEvent(id, IntroductionEvent.ASKED_IF_MET, IntroductionStage.INTRODUCED, IntroductionStage.INTRODUCED,
                IntroductionEvent.RAPPORT, null, now);
        planning.introductionFollowUp(first.id, id, "Call " + first.company + ": introduced to " + second.company + " "
                + Duration.between(stored.get().introducedAt(), now).toDays() + " days ago, did they meet? Record the outcome of introduction "
                + id + ".");
        return true;
    }

    /** The other side's company, while the customer may still answer (a page that only shows). */
    public Optional<String> open(long customerId, long id) {
        return mapper.peek(id).filter(s -> answerable(s, customerId)).filter(s -> !answered(id, customerId))
                .flatMap(s -> mapper.party(s.firstCustomerId() == customerId ? s.secondCustomerId() : s.firstCustomerId()))
                .map(other -> other.company);
    }

    /** @return whether the answer was taken (not when answered before or the introduction moved on) */
    @Transactional
    public boolean answer(long customerId, long id, boolean met) {
        Optional<IntroductionMapper.Stored> stored = mapper.lock(id);
        if (stored.isEmpty() || !answerable(stored.get(), customerId) || answered(id, customerId)) {
            return false;
        }
        String actor = actor(customerId);
        if (met) {
            introductions.move(id, IntroductionStage.MET, actor, "answered the \"did you meet?\" email");
        } else {
            mapper.insertEvent(id, IntroductionEvent.NOT_MET_YET, IntroductionStage.INTRODUCED, IntroductionStage.INTRODUCED,
                    actor, "answered the \"did you meet?\" email", clock.instant());
        }
        return true;
    }

    private static boolean answerable(IntroductionMapper.Stored stored, long customerId) {
        return stored.stage() == IntroductionStage.INTRODUCED
                && (stored.firstCustomerId() == customerId || stored.secondCustomerId() == customerId);
    }

    private boolean answered(long id, long customerId) {
        return mapper.hasEvent(id, IntroductionEvent.NOT_MET_YET, actor(customerId));
    }

    private String actor(long customerId) {
        return "customer:" + mapper.party(customerId).orElseThrow().externalId;
    }
}
