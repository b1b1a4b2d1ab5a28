package org.rapport.polls;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A poll as the API shows it. {@code team}: the salesperson id of the manager whose team it reaches, null for all. */
public record PollView(long id, String title, Long team, String audience, String audienceValue, Integer sampleSize,
                       BigDecimal sampleShare, LocalDate startsOn, LocalDate endsOn, String status, Instant sentAt,
                       Instant createdAt, List<QuestionView> questions) {

    public record QuestionView(int position, String kind, String textEn, String textDe, List<String> choices) {
    }

    static PollView of(Poll p) {
        return new PollView(p.id, p.title, p.teamId, p.audience.name(), p.audienceValue, p.sampleSize, p.sampleShare,
                p.startsOn, p.endsOn, p.status.name(), p.sentAt, p.createdAt, p.questions.stream()
                .map(q -> new QuestionView(q.position, q.kind.name(), q.textEn, q.textDe, q.kind == QuestionKind.CHOICE ? q.labels() : null))
                .toList());
    }
}
