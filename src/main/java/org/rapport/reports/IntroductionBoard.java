package org.rapport.reports;

import org.rapport.netweaving.Introduction;
import org.rapport.netweaving.IntroductionStage;
import org.rapport.platform.pages.Age;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The netweaving board: introductions in one column per stage, in the order of {@link IntroductionStage}. The stages
 * still under way ({@link #underWay}) show every introduction, the one longest in its stage first, since that is the one
 * to chase. The final stages ({@link #settled}) show only those that got there within {@code recent}, newest first, and
 * count the earlier ones: a board of everything ever declined would bury what is moving.
 *
 * @param underWay one column per stage that is not final, empty ones included
 * @param settled  one column per final stage, empty ones included
 */
public record IntroductionBoard(List<Column> underWay, List<Column> settled) {

    /**
     * @param cards   the introductions shown
     * @param earlier introductions of a final stage that got there before the recent window (not shown)
     */
    public record Column(IntroductionStage stage, List<Card> cards, int earlier) {

        /** Every introduction in this stage the board knows of, shown or not. */
        public int count() {
            return cards.size() + earlier;
        }
    }

    /** @param days whole days since the introduction entered its stage ({@link Age}: 0 on the first day) */
    public record Card(Introduction introduction, long days) {
    }

    static IntroductionBoard of(List<Introduction> introductions, Instant now, Duration recent) {
        Map<IntroductionStage, List<Introduction>> byStage = new EnumMap<>(IntroductionStage.class);
        introductions.forEach(i -> byStage.computeIfAbsent(i.stage(), s -> new ArrayList<>()).add(i));
        List<Column> underWay = new ArrayList<>();
        List<Column> settled = new ArrayList<>();
        Instant since = now.minus(recent);
        for (IntroductionStage stage : IntroductionStage.values()) {
            List<Introduction> in = byStage.getOrDefault(stage, List.of());
            if (stage.isFinal()) {
                List<Card> cards = in.stream().filter(i -> !i.stageSince().isBefore(since))
                        .sorted(Comparator.comparing(Introduction::stageSince).reversed())
                        .map(i -> card(i, now)).toList();
                settled.add(new Column(stage, cards, in.size() - cards.size()));
            } else {
                underWay.add(new Column(stage, in.stream().sorted(Comparator.comparing(Introduction::stageSince))
                        .map(i -> card(i, now)).toList(), 0));
            }
        }
        return new IntroductionBoard(List.copyOf(underWay), List.copyOf(settled));
    }

    private static Card card(Introduction introduction, Instant now) {
        return new Card(introduction, Age.days(introduction.stageSince(), now));
    }
}
