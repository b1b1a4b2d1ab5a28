package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel.Alert;
import org.rapport.outbox.MailModel.CallListLink;
import org.rapport.outbox.MailModel.ManagerAlert;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Role;
import org.rapport.platform.time.Zones;
import org.rapport.team.WorkingDays;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {@code manager-alert} email: a customer needs a manager's attention, because a problem's handling was rated badly
 * or a call was not answered after the last try. Once per cause (the idempotency key), in the caller's transaction.
 * It goes to whoever may act on it ({@link Access#decidingEscalation}): the holder's
 * manager, or, while that manager is away today, the backup the manager named (unless the backup is the holder). A
 * holder without a manager alerts nobody: the log says that only an admin can decide.
 */
@ApplicationScoped
public class ManagerAlerts {

    private static final Logger LOG = Logger.getLogger(ManagerAlerts.class.getName());

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
     *                 customer's owner. The alert goes to the holder's manager, or to that manager's backup.
     * @param detail   the rating (1–5) or the number of tries
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> alert(Kind kind, String cause, long customerId, Long holderId, int detail, String reason) {
        PlanningMapper.AlertFacts facts = mapper.alertFacts(customerId, holderId).orElse(null);
        if (facts == null) {
            return Optional.empty();
        }
        if (facts.managerId == null) {
            LOG.warning(() -> "manager-alert " + kind + " (" + cause + ") about " + facts.company + ": " + facts.salesperson
                    + " has no manager, so nobody is alerted" + (kind == Kind.ESCALATED
                    ? "; only an admin can decide the escalated call (POST /api/call-lists/items/{id}/take, reassign, "
                    + "reschedule or close). Name a manager (salesperson import, column manager) to route such calls."
                    : "."));
            return Optional.empty();
        }
        boolean managerAway = mapper.absent(facts.managerId,
                clock.instant().atZone(Zones.orUtc(facts.managerTimeZone)).toLocalDate());
        boolean toBackup = managerAway && backupDecides(facts);
        if (managerAway && !toBackup && kind == Kind.ESCALATED) {
            LOG.warning(() -> "manager-alert " + kind + " (" + cause + ") about " + facts.company + ": " + facts.managerName
                    + " is away and has no backup who may decide (none named, or the backup holds the call); the alert "
                    + "waits in their mailbox and only an admin can decide until they are back.");
        }
        Alert alert = new Alert(kind.name(), Integer.toString(detail), facts.salesperson, facts.company,
                facts.contactName == null ? "" : facts.contactName, facts.phone == null ? "" : facts.phone,
                reason == null ? "" : reason, toBackup ? facts.managerName : "");
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        CallListLink callList = new CallListLink(base + "api/call-lists/" + listLink(kind, facts, toBackup));
        return Optional.of(outbox.enqueue(new Mail("alert:" + kind.name().toLowerCase(Locale.ROOT) + ":" + cause,
                new ManagerAlert(alert, callList), null, toBackup ? facts.backupId : facts.managerId, null, clock.instant())).id());
    }

    /**
     * Whether the manager's backup may decide in the absent manager's place, by the one rule
     * ({@link Access#decidingEscalation}): not when the backup holds the call, as a holder never decides about their own.
     */
    private boolean backupDecides(PlanningMapper.AlertFacts facts) {
        if (facts.backupId == null) {
            return false;
        }
        // the backup's rights do not depend on their login's role
        return new Access(Role.SALES, facts.backupId)
                .decidingEscalation(facts.holderId, facts.managerId, facts.backupId, true).isPresent();
    }

    /**
     * Where the one alerted acts: an escalated call is on the manager's own list (their next working day from their
     * today, since a list of a day off is empty), or, for a backup standing in, on the backup's list, where they take,
     * reassign, reschedule or close it; the urgent call after a low rating is on the owner's list of the owner's today.
     */
    private String listLink(Kind kind, PlanningMapper.AlertFacts facts, boolean toBackup) {
        if (kind == Kind.ESCALATED) {
            String zone = toBackup ? facts.backupTimeZone : facts.managerTimeZone;
            String region = toBackup ? facts.backupRegion : facts.managerRegion;
            String workingDays = toBackup ? facts.backupWorkingDays : facts.managerWorkingDays;
            LocalDate today = clock.instant().atZone(Zones.orUtc(zone)).toLocalDate();
            LocalDate workday = rules.calendar().firstWorkingDay(today,
                    new BusinessCalendar.Workweek(region, WorkingDays.ofStored(workingDays)));
            return (toBackup ? facts.backupExternalId : facts.managerExternalId) + "/" + workday;
        }
        return facts.ownerExternalId + "/" + clock.instant().atZone(Zones.orUtc(facts.ownerTimeZone)).toLocalDate();
    }
}
