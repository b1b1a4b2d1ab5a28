package org.rapport.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.outbox.EmlFiles;
import org.rapport.outbox.MailSettings;
import org.rapport.retention.RetentionAges.Cutoffs;

import java.util.List;

/** One range of one table per transaction: short, so a delivery or a logged call never waits long for its row. */
@ApplicationScoped
public class RetentionBatches {

    @Inject
    RetentionMapper mapper;

    @Inject
    MailSettings mail;

    /**
     * Message bodies, and their {@code .eml} files. A file is deleted before the rows are changed: should the
     * transaction then fail, the text is still in the row, and the next run removes it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Removed messages(long from, long to, Cutoffs cutoffs) {
        List<String> due = mapper.bodiesDue(from, to, cutoffs.messageBodies());
        if (due.isEmpty()) {
            return Removed.NOTHING;
        }
        due.forEach(messageId -> EmlFiles.delete(mail.emlFolder(), messageId));
        return new Removed(mapper.removeBodies(from, to, cutoffs.messageBodies(), cutoffs.now()), 0, 0, 0, 0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Removed responses(long from, long to, Cutoffs cutoffs) {
        return new Removed(0, mapper.removeBounceDiagnostics(from, to, cutoffs.messageBodies()),
                mapper.removeReplySnippets(from, to, cutoffs.replySnippets()), mapper.removeClickTargets(from, to, cutoffs.clicks()), 0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Removed touches(long from, long to, Cutoffs cutoffs) {
        return new Removed(0, mapper.removeEmailNotes(from, to, cutoffs.messageBodies()),
                mapper.removeReplyNotes(from, to, cutoffs.replySnippets()), 0, mapper.removeCallNotes(from, to, cutoffs.callNotes()));
    }

    /** The customer's own words in a poll answer go with the reply snippets; scores and choices stay for the results. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Removed pollAnswers(long from, long to, Cutoffs cutoffs) {
        return new Removed(0, 0, mapper.removePollAnswerTexts(from, to, cutoffs.replySnippets()), 0, 0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Removed plannedTouches(long from, long to, Cutoffs cutoffs) {
        return new Removed(0, 0, 0, 0, mapper.removeOutcomeNotes(from, to, cutoffs.callNotes()));
    }
}
