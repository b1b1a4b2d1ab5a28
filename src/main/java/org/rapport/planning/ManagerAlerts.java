package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel.Alert;
import org.rapport.outbox.MailModel.CallListLink;
import org.rapport.outbox.MailModel.ManagerAlert;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.time.Zones;
import org.rapport.team.WorkingDays;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code manager-alert} email: a customer needs a manager's attention, because a problem's handling was rated badly
 * or a call was not answered after the last try. Once per cause (the idempotency key), in the caller's transaction;
 * nothing when the owner has no manager.
 */
@ApplicationScoped
public class ManagerAlerts {

    public enum Kind { LOW_RATING, ESCALATED }

    @Inject
    PlanningMapper mapper;

    @Inject
    OutboxService outbox;

    @Inject
    Clock clock;

    @Inject
    RuleService rules;

    @Inject
    @ConfigProperty(name = "rapport.public.url")
    String publicUrl;

    /** @param detail the rating (1–5) or the number of tries */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> alert(Kind kind, String cause, long customerId, int detail, String reason) {
        return alert(kind, cause, customerId, null, detail, reason);
    }

    /**
     * @param holderId the salesperson holding the call when a manager gave it to someone else; {@code null}: the
     *                 customer's owner. The alert goes to the holder's manager.
     * @param detail   the rating (1–5) or the number of tries
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> alert(Kind kind, String cause, long customerId, Long holderId, int detail, String reason) {
        PlanningMapper.AlertFacts facts = mapper.alertFacts(customerId, holderId).orElse(null);
        if (facts == null || facts.managerId == null) {
            return Optional.empty();
        }
        Alert alert = new Alert(kind.name(), Integer.toString(detail), facts.salesperson, facts.company,
                facts.contactName == null ? "" : facts.contactName, facts.phone == null ? "" : facts.phone,
                reason == null ? "" : reason);
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        CallListLink callList = new CallListLink(base + "api/call-lists/" + listLink(kind, facts));
        return Optional.of(outbox.enqueue(new Mail("alert:" + kind.name().toLowerCase(Locale.ROOT) + ":" + cause,
                new ManagerAlert(alert, callList), null, facts.managerId, null, clock.instant())).id());
    }

    /**
     * Where the manager acts: an escalated call is on the manager's own list (their next working day from their today,
     * since a list of a day off is empty), where they take, reassign, reschedule or close it; the urgent call after a
     * low rating is on the owner's list of the owner's today.
     */
    private String listLink(Kind kind, PlanningMapper.AlertFacts facts) {
        if (kind == Kind.ESCALATED) {
            LocalDate today = clock.instant().atZone(Zones.orUtc(facts.managerTimeZone)).toLocalDate();
            LocalDate workday = rules.calendar().firstWorkingDay(today,
                    new BusinessCalendar.Workweek(facts.managerRegion, WorkingDays.ofStored(facts.managerWorkingDays)));
            return facts.managerExternalId + "/" + workday;
        }
        return facts.ownerExternalId + "/" + clock.instant().atZone(Zones.orUtc(facts.ownerTimeZone)).toLocalDate();
    }
}
