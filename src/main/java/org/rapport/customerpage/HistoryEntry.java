package org.rapport.customerpage;

import org.rapport.customers.CustomerDetail;
import org.rapport.netweaving.RewardView;
import org.rapport.outbox.OutboxView;
import org.rapport.polls.AnsweredPoll;
import org.rapport.purchases.PurchaseSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a customer's history: exactly one of a touch, a purchase, a message (with the responses it drew), a
 * step of a reward's ledger ({@code reward} with its {@code step}) or the answers to a poll. {@code at} orders the lines; a purchase has only a
 * date, so it counts from the start of that day in the reader's zone.
 */
public record HistoryEntry(Instant at, CustomerDetail.RecentTouch touch, PurchaseSummary purchase, OutboxView message,
                           RewardView reward, RewardView.Entry step, AnsweredPoll poll) {

    public HistoryEntry(Instant at, CustomerDetail.RecentTouch touch, PurchaseSummary purchase, OutboxView message,
                        RewardView reward, RewardView.Entry step) {
        this(at, touch, purchase, message, reward, step, null);
    }

    public String getType() {
        return touch != null ? "touch" : purchase != null ? "purchase" : message != null ? "message" : poll != null ? "poll" : "reward";
    }

    /** Touches, purchases, messages and every step of the rewards' ledgers as one list, newest first. */
    static List<HistoryEntry> of(ZoneId zone, List<CustomerDetail.RecentTouch> touches, List<PurchaseSummary> purchases,
                                 List<OutboxView> messages, List<RewardView> rewards) {
        return of(zone, touches, purchases, messages, rewards, List.of());
    }

    /** The same with the polls the customer answered, each at its latest answer. */
    static List<HistoryEntry> of(ZoneId zone, List<CustomerDetail.RecentTouch> touches, List<PurchaseSummary> purchases,
                                 List<OutboxView> messages, List<RewardView> rewards, List<AnsweredPoll> polls) {
        List<HistoryEntry> entries = new ArrayList<>();
        polls.forEach(p -> entries.add(new HistoryEntry(p.answeredAt(), null, null, null, null, null, p)));
        touches.forEach(t -> entries.add(new HistoryEntry(t.occurredAt(), t, null, null, null, null)));
        purchases.forEach(p -> entries.add(new HistoryEntry(startOf(p.purchasedOn(), zone), null, p, null, null, null)));
        messages.forEach(m -> entries.add(new HistoryEntry(m.sentAt != null ? m.sentAt : m.createdAt, null, null, m, null, null)));
        for (RewardView r : rewards) {
            List<RewardView.Entry> steps = r.entries == null ? List.of() : r.entries;
            // the ledger's order, latest first: the sort below is stable, so two steps in one millisecond stay newest first
            for (int i = steps.size() - 1; i >= 0; i--) {
                entries.add(new HistoryEntry(steps.get(i).at, null, null, null, r, steps.get(i)));
            }
        }
        entries.sort(Comparator.comparing(HistoryEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }
}
