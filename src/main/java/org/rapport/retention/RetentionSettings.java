package org.rapport.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.config.Setting;
import org.rapport.platform.startup.StartupStep;

/**
 * {@code rapport.retention.message-bodies}, {@code …reply-snippets}, {@code …clicks}, {@code …call-notes} (ISO periods,
 * two years by default) and {@code rapport.retention.batch-size}, checked at start: a setting that cannot work stops it
 * with its name.
 */
@ApplicationScoped
public class RetentionSettings implements StartupStep {

    /** Largest batch: each is one transaction whose row locks a delivery or a logged call may wait for. */
    static final int MAX_BATCH = 10_000;

    @Inject
    @ConfigProperty(name = "rapport.retention.message-bodies")
    String messageBodies;

    @Inject
    @ConfigProperty(name = "rapport.retention.reply-snippets")
    String replySnippets;

    @Inject
    @ConfigProperty(name = "rapport.retention.clicks")
    String clicks;

    @Inject
    @ConfigProperty(name = "rapport.retention.call-notes")
    String callNotes;

    @Inject
    @ConfigProperty(name = "rapport.retention.batch-size")
    int batchSize;

    RetentionAges ages() {
        return new RetentionAges(RetentionAges.parse("rapport.retention.message-bodies", messageBodies),
                RetentionAges.parse("rapport.retention.reply-snippets", replySnippets),
                RetentionAges.parse("rapport.retention.clicks", clicks),
                RetentionAges.parse("rapport.retention.call-notes", callNotes));
    }

    /** Rows of one table looked at per transaction, by a range of its primary key. */
    int batchSize() {
        return Setting.within("rapport.retention.batch-size", batchSize, 1, MAX_BATCH);
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public void run() {
        ages();
        batchSize();
    }
}
