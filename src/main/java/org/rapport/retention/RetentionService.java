package org.rapport.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.retention.RetentionAges.Cutoffs;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Removes the personal text older than its age ({@link RetentionSettings}), table by table, one range of ids per
 * transaction. Safe to run twice or on two instances at once: each statement only empties what is not yet empty.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    @Inject
    RetentionSettings settings;

    @Inject
    RetentionBatches batches;

    @Inject
    RetentionMapper mapper;

    @Inject
    Clock clock;

    /** One run, as the nightly job makes it. */
    public Report run() {
        Cutoffs cutoffs = settings.ages().cutoffs(clock);
        int size = settings.batchSize();
        Removed removed = Removed.NOTHING;
        for (RetainedTable table : RetainedTable.values()) {
            long max = mapper.maxId(table);
            for (long from = 1; from <= max; from += size) {
                removed = removed.plus(batch(table, from, from + size, cutoffs));
            }
        }
        Report report = new Report(cutoffs, removed);
        LOG.info(() -> "Retention removed " + report);
        return report;
    }

    private Removed batch(RetainedTable table, long from, long to, Cutoffs cutoffs) {
        return switch (table) {
            case OUTBOX_MESSAGE -> batches.messages(from, to, cutoffs);
            case MAIL_RESPONSE -> batches.responses(from, to, cutoffs);
            case TOUCH -> batches.touches(from, to, cutoffs);
            case PLANNED_TOUCH -> batches.plannedTouches(from, to, cutoffs);
            case POLL_ANSWER -> batches.pollAnswers(from, to, cutoffs);
        };
    }

    /** The moments a run removed text from before, and what it removed. */
    public record Report(Cutoffs before, Removed removed) {
    }
}
