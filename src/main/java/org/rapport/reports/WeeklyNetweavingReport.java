package org.rapport.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.netweaving.Amount;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailSettings;
import org.rapport.outbox.MailModel;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Role;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code weekly-netweaving-report} email: once a manager's local clock has passed Monday 08:00, what happened to
 * their team's introductions in the week before (Monday to Sunday, their zone) goes to the outbox, keyed by manager
 * and week so it is sent once however often this runs; a service that was down on Monday sends it when it is back
 * that week. Counted by what happened in the week (an introduction made last week counts as introduced whenever it was
 * proposed), with the rewards still owed to the team's customers and the spikes among their problems (the 14 days
 * before that Monday against the 12 weeks before them; nothing said when there is none).
 */
@ApplicationScoped
public class WeeklyNetweavingReport {

    static final DayOfWeek DAY = DayOfWeek.MONDAY;
    static final LocalTime AT = LocalTime.of(8, 0);

    @Inject
    ReportMapper mapper;

    @Inject
    ReportService reports;

    @Inject
    OutboxService outbox;

    @Inject
    Clock clock;

    @Inject
    MailSettings settings;

    /** @return how many reports this run enqueued */
    @Transactional
    public int enqueueDue() {
        Instant now = clock.instant();
        int enqueued = 0;
        for (ReportMapper.Recipient manager : mapper.managersWithEmail()) {
            ZoneId zone = Zones.orUtc(manager.timeZone());
            Optional<LocalDate> due = dueWeek(now.atZone(zone));
            if (due.isEmpty()) {
                continue;
            }
            LocalDate monday = due.get();
            String key = "netweaving-report:" + manager.externalId() + ":" + monday;
            if (!outbox.deliveries(List.of(key)).isEmpty()) {
                continue; // queued by an earlier run this week: its figures are not read again every quarter of an hour
            }
            LocalDate from = monday.minusWeeks(1);
            Access team = new Access(Role.MANAGER, manager.id());
            // the spikes as of the report's Monday 00:00, not of the run: a late run says what an early one would have
            Instant weekStart = monday.atStartOfDay(zone).toInstant();
            List<ReportMapper.WeekCount> week = mapper.weekOfIntroductions(from.atStartOfDay(zone).toInstant(),
                    monday.atStartOfDay(zone).toInstant(), team);
            MailModel.WeeklyNetweavingReport model = new MailModel.WeeklyNetweavingReport(period(from),
                    stats(week), Integer.toString(mapper.rewardsOwed(team)), spikes(reports.spikes(team, null, weekStart)),
                    new MailModel.BoardLink(board(from, monday.minusDays(1))));
            if (outbox.enqueue(new Mail(key, model, null, manager.id(),
                    null, now)).created()) {
                enqueued++;
            }
        }
        return enqueued;
    }

    /**
     * The Monday of the week whose report is due at {@code local} (the manager's clock): this week's, from Monday 08:00
     * to Sunday night, so a service that was down on Monday morning still sends it later in the week (the outbox key
     * keeps it to one); none before Monday 08:00.
     */
    static Optional<LocalDate> dueWeek(ZonedDateTime local) {
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DAY));
        return local.isBefore(monday.atTime(AT).atZone(local.getZone())) ? Optional.empty() : Optional.of(monday);
    }

    static List<MailModel.ProblemSpike> spikes(List<ProblemSpikes.Named> spikes) {
        return spikes.stream().map(n -> new MailModel.ProblemSpike(n.name() == null ? "" : n.name(),
                Integer.toString(n.spike().recent()), n.spike().before(), Integer.toString(n.spike().fold()))).toList();
    }

    private static MailModel.NetweavingStats stats(List<ReportMapper.WeekCount> week) {
        String value = week.stream().filter(w -> w.stage().equals("DEAL_CLOSED") && w.currency() != null)
                .map(w -> new Amount(w.value(), Currency.getInstance(w.currency())).toString()).collect(Collectors.joining(", "));
        return new MailModel.NetweavingStats(count(week, "PROPOSED"), count(week, "CONSENTED"), count(week, "INTRODUCED"),
                count(week, "MET"), count(week, "DEAL_CLOSED"), value.isEmpty() ? "0" : value);
    }

    private static String count(List<ReportMapper.WeekCount> week, String stage) {
        return Integer.toString(week.stream().filter(w -> w.stage().equals(stage)).mapToInt(ReportMapper.WeekCount::introductions).sum());
    }

    /** "the week of 23 November 2026" (a Monday): the subject reads "Netweaving report for the week of …". */
    private static String period(LocalDate monday) {
        return "the week of " + monday.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    /** No web pages yet: the report as the API serves it, which asks for the manager's login. */
    private String board(LocalDate from, LocalDate to) {
        return settings.publicBase() + "api/reports/netweaving?from=" + from + "&to=" + to;
    }
}
