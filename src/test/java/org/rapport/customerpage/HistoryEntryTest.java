package org.rapport.customerpage;

import org.junit.jupiter.api.Test;
import org.rapport.customers.CustomerDetail.RecentTouch;
import org.rapport.netweaving.RewardStatus;
import org.rapport.netweaving.RewardView;
import org.rapport.outbox.OutboxView;
import org.rapport.purchases.PurchaseSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEntryTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void touchesPurchasesAndMessagesAreOneListNewestFirst() {
        RecentTouch call = new RecentTouch("CALL", "REACHED", Instant.parse("2026-12-02T09:00:00Z"), "A", null);
        PurchaseSummary bought = new PurchaseSummary("P-1", LocalDate.parse("2026-12-02"), new BigDecimal("10.00"), "EUR", null);
        OutboxView sent = message(Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-12-03T07:00:00Z"));
        OutboxView waiting = message(Instant.parse("2026-12-01T08:00:00Z"), null);

        List<HistoryEntry> history = HistoryEntry.of(BERLIN, List.of(call), List.of(bought), List.of(sent, waiting), List.of());

        assertThat(history).extracting(HistoryEntry::getType).containsExactly("message", "touch", "purchase", "message");
        assertThat(history.get(0).at()).as("a sent message counts from when it left").isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(history.get(2).at()).as("a purchase's day starts in the reader's zone").isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
        assertThat(history.get(3).message()).as("one still waiting counts from when it was queued").isSameAs(waiting);
    }

    @Test
    void aPollAnsweredIsALineAtItsLatestAnswer() {
        RecentTouch call = new RecentTouch("CALL", "REACHED", Instant.parse("2026-12-02T09:00:00Z"), "A", null);
        org.rapport.polls.AnsweredPoll poll = new org.rapport.polls.AnsweredPoll(7, "Service", Instant.parse("2026-12-03T10:00:00Z"),
                List.of(new org.rapport.polls.AnsweredPoll.Line("How happy are you?", "2 / 5", "LINK")));

        List<HistoryEntry> history = HistoryEntry.of(BERLIN, List.of(call), List.of(), List.of(), List.of(), List.of(poll));

        assertThat(history).extracting(HistoryEntry::getType).containsExactly("poll", "touch");
        assertThat(history.get(0).poll()).isSameAs(poll);
    }

    @Test
    void eachStepOfARewardsLedgerIsALineOfItsOwn() {
        RewardView reward = new RewardView();
        reward.entries = List.of(step(RewardStatus.PROPOSED, "2026-11-20T10:00:00Z"), step(RewardStatus.APPROVED, "2026-12-02T10:00:00Z"));
        RecentTouch call = new RecentTouch("CALL", "REACHED", Instant.parse("2026-11-25T09:00:00Z"), "A", null);

        List<HistoryEntry> history = HistoryEntry.of(BERLIN, List.of(call), List.of(), List.of(), List.of(reward));

        assertThat(history).extracting(HistoryEntry::getType).containsExactly("reward", "touch", "reward");
        assertThat(history).extracting(e -> e.step() == null ? null : e.step().status)
                .containsExactly(RewardStatus.APPROVED, null, RewardStatus.PROPOSED);
        assertThat(history.get(0).reward()).isSameAs(reward);
    }

    @Test
    void stepsOfOneMomentStayInTheLedgersOrderNewestFirst() {
        RewardView reward = new RewardView();
        reward.entries = List.of(step(RewardStatus.PROPOSED, "2026-12-02T10:00:00Z"), step(RewardStatus.APPROVED, "2026-12-02T10:00:00Z"),
                step(RewardStatus.FULFILLED, "2026-12-02T10:00:00Z"));

        assertThat(HistoryEntry.of(BERLIN, List.of(), List.of(), List.of(), List.of(reward))).extracting(e -> e.step().status)
                .containsExactly(RewardStatus.FULFILLED, RewardStatus.APPROVED, RewardStatus.PROPOSED);
    }

    @Test
    void nothingKnownIsAnEmptyHistory() {
        assertThat(HistoryEntry.of(BERLIN, List.of(), List.of(), List.of(), List.of())).isEmpty();
    }

    private static RewardView.Entry step(RewardStatus status, String at) {
        RewardView.Entry e = new RewardView.Entry();
        e.kind = RewardView.EntryKind.STATUS;
        e.status = status;
        e.at = Instant.parse(at);
        return e;
    }

    private static OutboxView message(Instant created, Instant sent) {
        OutboxView m = new OutboxView();
        m.createdAt = created;
        m.sentAt = sent;
        return m;
    }
}
