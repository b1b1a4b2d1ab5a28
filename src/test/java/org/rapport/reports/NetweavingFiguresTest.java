package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.netweaving.IntroductionStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.netweaving.IntroductionStage.*;

class NetweavingFiguresTest {

    private static NetweavingFigures.Group group(String first, String second, IntroductionStage stage, IntroductionStage furthest,
                                                 int count, String currency, String value) {
        return new NetweavingFigures.Group(first, second, "logistics", "", stage, furthest, currency, count,
                value == null ? null : new BigDecimal(value));
    }

    private static NetweavingReport report(List<NetweavingFigures.Group> groups, List<NetweavingFigures.Duration> durations) {
        return NetweavingFigures.report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "UTC", null, groups, durations, List.of(),
                "EUR 1000.00");
    }

    @Test
    void theFunnelCountsEveryIntroductionAtEachStageItGotThroughAndTheShareThatWentOn() {
        NetweavingReport report = report(List.of(
                group("A", "A", PROPOSED, PROPOSED, 4, null, null),
                group("A", "B", DECLINED, PROPOSED, 2, null, null),
                group("A", "B", CONSENT_DECLINED, CONSENT_REQUESTED_SECOND, 1, null, null),
                group("A", "A", NO_DEAL, INTRODUCED, 1, null, null),
                group("B", "B", DEAL_CLOSED, DEAL_CLOSED, 2, "EUR", "1500.00")), List.of());

        assertThat(report.introductions()).isEqualTo(10);
        assertThat(report.funnel()).extracting(NetweavingReport.Stage::stage).isEqualTo(IntroductionStage.WAY_TO_A_DEAL);
        assertThat(report.funnel()).extracting(NetweavingReport.Stage::reached).containsExactly(10, 4, 4, 4, 3, 3, 2, 2);
        assertThat(report.funnel().get(0).conversion()).isEqualTo(0.4);
        assertThat(report.funnel().get(3).conversion()).isEqualTo(0.75);
        assertThat(report.funnel().get(7).conversion()).as("nothing after a deal").isNull();
        assertThat(report.ended()).isEqualTo(Map.of(DECLINED, 2, CONSENT_DECLINED, 1, NO_DEAL, 1));
        assertThat(report.deals()).containsExactly(new NetweavingReport.Deals("EUR", 2, new BigDecimal("1500.00")));
    }

    @Test
    void anIntroductionBetweenTwoOwnersCountsForBothAndOnceForOne() {
        NetweavingReport report = report(List.of(
                group("A", "B", DEAL_CLOSED, DEAL_CLOSED, 1, "EUR", "100"),
                group("A", "A", INTRODUCED, INTRODUCED, 1, null, null),
                group(null, "C", PROPOSED, PROPOSED, 1, null, null)), List.of());

        assertThat(report.salespeople()).containsExactly(
                new NetweavingReport.Figures("A", 2, 2, 1, 0.5),
                new NetweavingReport.Figures("B", 1, 1, 1, 1.0),
                new NetweavingReport.Figures("C", 1, 0, 0, 0.0));
        assertThat(report.categoryPairs()).singleElement().satisfies(p -> {
            assertThat(p.introductions()).isEqualTo(3);
            assertThat(p.deals()).isEqualTo(1);
        });
    }

    @Test
    void dealsInDifferentCurrenciesAreNeverAddedUp() {
        NetweavingReport report = report(List.of(
                group("A", "A", DEAL_CLOSED, DEAL_CLOSED, 2, "EUR", "200"),
                group("B", "B", DEAL_CLOSED, DEAL_CLOSED, 1, "USD", "50"),
                group("C", "C", DEAL_CLOSED, DEAL_CLOSED, 1, "EUR", "25.50")), List.of());

        assertThat(report.deals()).containsExactly(new NetweavingReport.Deals("EUR", 3, new BigDecimal("225.50")),
                new NetweavingReport.Deals("USD", 1, new BigDecimal("50")));
    }

    @Test
    void theMedianStayIsReadFromTheHistogramInDays() {
        List<NetweavingFigures.Duration> odd = List.of(new NetweavingFigures.Duration(APPROVED, 48, 2),
                new NetweavingFigures.Duration(APPROVED, 12, 1), new NetweavingFigures.Duration(APPROVED, 240, 2));
        assertThat(NetweavingFigures.medianDays(APPROVED, odd)).as("12, 48, 48, 240, 240: 48 h").isEqualTo(2.0);
        List<NetweavingFigures.Duration> even = List.of(new NetweavingFigures.Duration(MET, 24, 1),
                new NetweavingFigures.Duration(MET, 60, 1));
        assertThat(NetweavingFigures.medianDays(MET, even)).as("42 h, between 24 and 60: 1.75 days, to one decimal").isEqualTo(1.8);
        assertThat(NetweavingFigures.medianDays(CONSENTED, even)).as("no stay ended").isNull();
        assertThat(NetweavingFigures.medianDays(MET, List.of(new NetweavingFigures.Duration(MET, 1, 1))))
                .as("an hour is 0.0 days").isEqualTo(0.0);
    }
}
