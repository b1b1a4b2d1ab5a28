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

    private static NetweavingFigures.Group group(String ignored, String alsoIgnored, IntroductionStage stage,
                                                 IntroductionStage furthest, int count, String currency, String value) {
        return new NetweavingFigures.Group(stage, furthest, currency, count, value == null ? null : new BigDecimal(value));
    }

    private static NetweavingReport report(List<NetweavingFigures.Group> groups, List<NetweavingFigures.Duration> durations) {
        return report(groups, List.of(), List.of(), durations);
    }

    private static NetweavingReport report(List<NetweavingFigures.Group> groups, List<NetweavingFigures.Counts> salespeople,
                                           List<NetweavingFigures.Counts> pairs, List<NetweavingFigures.Duration> durations) {
        return NetweavingFigures.report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "UTC", null, groups, salespeople,
                pairs, durations, List.of(), "EUR 1000.00");
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
    void salespeopleAndCategoryPairsGetTheirConversionAndThePairsBeyondTheListAreOneSummedLine() {
        NetweavingReport report = report(List.of(group(null, null, PROPOSED, PROPOSED, 3, null, null)),
                List.of(new NetweavingFigures.Counts("A", null, 1, 4, 2, 1), new NetweavingFigures.Counts("B", null, 1, 2, 0, 0)),
                List.of(new NetweavingFigures.Counts("logistics", "", 1, 3, 1, 1),
                        new NetweavingFigures.Counts("logistics", "printing", 1, 2, 2, 1),
                        new NetweavingFigures.Counts(null, null, 7, 9, 3, 3)), List.of());

        assertThat(report.salespeople()).containsExactly(new NetweavingReport.Figures("A", 4, 2, 1, 0.25),
                new NetweavingReport.Figures("B", 2, 0, 0, 0.0));
        assertThat(report.categoryPairs()).containsExactly(
                new NetweavingReport.CategoryPair("logistics", "", 3, 1, 1, 0.333),
                new NetweavingReport.CategoryPair("logistics", "printing", 2, 2, 1, 0.5));
        assertThat(report.otherCategoryPairs()).isEqualTo(new NetweavingReport.OtherPairs(7, 9, 3, 3, 0.333));
        assertThat(report(List.of(), List.of(), List.of(new NetweavingFigures.Counts("logistics", "", 1, 3, 1, 1)), List.of())
                .otherCategoryPairs()).as("no pairs beyond the list").isNull();
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
