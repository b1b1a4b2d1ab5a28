package org.rapport.polls;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A poll as stored, with its questions in order. */
public class Poll {
    public long id;
    public String title;
    public long createdBy;
    /** The defining manager's salesperson id: the poll reaches their team only; null for an admin's poll. */
    public Long teamId;
    public Audience audience;
    public String audienceValue;
    public Integer sampleSize;
    public BigDecimal sampleShare;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public PollStatus status;
    public Instant sentAt;
    public Instant createdAt;
    public List<PollQuestion> questions = new ArrayList<>();

    /** Whether answers are taken on {@code today} (the schedule zone's date): not after its last day, not closed. */
    public boolean openOn(LocalDate today) {
        return status != PollStatus.CLOSED && !today.isAfter(endsOn);
    }

    /** The question at {@code position} (1–3), or null. */
    public PollQuestion question(int position) {
        return questions.stream().filter(q -> q.position == position).findFirst().orElse(null);
    }
}
