package org.rapport.retention;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.List;

/**
 * Each statement works on one range of a table's primary key, {@code [from, to)}, so a batch locks at most that many
 * rows for a moment and the night's run never holds a long lock.
 */
@Mapper
public interface RetentionMapper {

    /** The highest id of a table Rapport keeps text in; 0 when it is empty. */
    long maxId(@Param("table") RetainedTable table);

    /** The Message-IDs of the closed messages in the range whose body is due to go, their rows locked. */
    List<String> bodiesDue(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    int removeBodies(@Param("from") long from, @Param("to") long to, @Param("before") Instant before, @Param("now") Instant now);

    /** Notes of EMAIL touches: the subject of a message sent, the diagnostic of a bounce. */
    int removeEmailNotes(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    /** Diagnostics of bounces (they often quote the address), with the message bodies' age. */
    int removeBounceDiagnostics(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    int removeReplySnippets(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    /** The summaries of replies kept on REPLY touches. */
    int removeReplyNotes(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    /** The free text of poll answers (a text question's answer, a reply's words). */
    int removePollAnswerTexts(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    int removeClickTargets(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    int removeCallNotes(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);

    /** Notes salespeople left with a call's outcome on their list. */
    int removeOutcomeNotes(@Param("from") long from, @Param("to") long to, @Param("before") Instant before);
}
