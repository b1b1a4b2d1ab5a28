package org.rapport.netweaving;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.platform.database.ColumnText;
import org.rapport.platform.security.Access;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Mapper
public interface IntroductionMapper {

    /**
     * An introduction as its moves need it, read with its row locked.
     *
     * @param firstOwnerId  the first customer's owner now (null: none)
     * @param secondOwnerId the second customer's owner now
     * @param introducedAt  when it was made (null before)
     * @param stageSince    when it entered its stage: a move records how long it stayed there
     * @param furthest      the furthest stage of {@link IntroductionStage#WAY_TO_A_DEAL} it reached
     */
    record Stored(long id, long firstCustomerId, long secondCustomerId, IntroductionStage stage, Long firstOwnerId,
                  Long secondOwnerId, boolean firstApproved, boolean secondApproved, Instant introducedAt,
                  Instant stageSince, IntroductionStage furthest) {
    }

    /** Who an introduction is between: the first customer's id, the second's company (what the first may know). */
    record Parties(long firstCustomerId, String secondCompany) {
    }

    Parties parties(@Param("id") long id);

    /** A new row of {@code match_run}, RUNNING; its generated id is set on {@code run}. */
    int insertRun(MatchRunRow run);

    /** Every run still RUNNING becomes FAILED with {@code failure}: call only with the run's lock held. */
    int abandonRuns(@Param("at") Instant at, @Param("failure") String failure);

    int matchedRun(@Param("id") long id, @Param("customers") int customers, @Param("candidatePairs") long candidatePairs);

    int addProposed(@Param("id") long id, @Param("stored") int stored);

    int endRun(@Param("id") long id, @Param("status") MatchRunStatus status, @Param("at") Instant at,
               @Param("failure") String failure);

    /** One PROPOSED introduction; run in a JDBC batch ({@code platform.database.Batches}), so no id comes back. */
    int insertProposal(ProposalRow row);

    /** The highest id of run {@code runId}'s introductions, 0 when it has none. */
    long lastIdOfRun(@Param("runId") long runId);

    /**
     * The PROPOSED event of each introduction of run {@code runId} with an id above {@code afterId} (the rows just
     * inserted: ids only grow, and only this run inserts with its id), the explanation as its note.
     */
    int insertProposedEvents(@Param("runId") long runId, @Param("afterId") long afterId, @Param("kind") String kind,
                             @Param("stage") IntroductionStage stage, @Param("actor") String actor);

    int insertEvent(@Param("introductionId") long introductionId, @Param("kind") String kind,
                    @Param("from") IntroductionStage from, @Param("to") IntroductionStage to, @Param("actor") String actor,
                    @Param("note") String note, @Param("at") Instant at);

    /** A MOVED event, with the whole minutes the introduction stayed in {@code from} (for the report's stays). */
    int insertMove(@Param("introductionId") long introductionId, @Param("from") IntroductionStage from,
                   @Param("to") IntroductionStage to, @Param("actor") String actor, @Param("note") String note,
                   @Param("at") Instant at, @Param("stayMinutes") long stayMinutes);

    /** The ids of a matching run's proposals stored after {@code afterId} (a chunk), with their two customers. */
    List<Customers> proposalsOfRunAfter(@Param("runId") long runId, @Param("afterId") long afterId);

    /** An introduction's id and its two customers. */
    record Customers(long id, long firstCustomerId, long secondCustomerId) {
    }

    /** One pair of single codes of a new introduction ({@link NeedPairs}), for the report; sent in JDBC batches. */
    int insertNeedPair(@Param("introductionId") long introductionId, @Param("pair") NeedPairs.Pair pair);

    Optional<Stored> lock(@Param("id") long id);

    /** As {@link #lock}, without the lock: for a page that only shows. */
    Optional<Stored> peek(@Param("id") long id);

    int moveStage(@Param("id") long id, @Param("stage") IntroductionStage stage, @Param("furthest") IntroductionStage furthest,
                  @Param("at") Instant at);

    int approveSides(@Param("id") long id, @Param("first") boolean first, @Param("second") boolean second);

    int recordDeal(@Param("id") long id, @Param("value") BigDecimal value, @Param("currency") String currency);

    /** The introduction, when either of its customers is within the caller's reach. */
    Optional<Introduction> findVisible(@Param("access") Access access, @Param("id") long id);

    /**
     * Introductions either of whose customers the caller reaches, newest first.
     *
     * @param stage null for every stage
     * @param owner a salesperson's external id: only introductions one of whose customers they own; null for all
     */
    List<Introduction> listVisible(@Param("access") Access access, @Param("stage") IntroductionStage stage,
                                   @Param("owner") String owner, @Param("limit") int limit);

    /**
     * The proposals with a side not yet approved whose customer the caller reaches, those in PROPOSED longest first:
     * the sides the caller speaks for ({@link IntroductionApproval}); an admin's, every proposal.
     */
    List<Introduction> awaiting(@Param("access") Access access, @Param("limit") int limit);

    /** The introductions of one customer, on either side, that the caller reaches; newest first. */
    List<Introduction> ofCustomer(@Param("access") Access access, @Param("customerId") long customerId, @Param("limit") int limit);

    List<IntroductionEvent> history(@Param("id") long id);

    /** The salespeople who report to {@code managerId}. */
    Set<Long> reportsOf(@Param("managerId") long managerId);

    /** One customer of an introduction, as its consent request and the introduction email need them. */
    final class PartyRow {
        public long id;
        public String externalId;
        public String company;
        public String contactFirstName;
        public String contactLastName;
        public String preferredName;
        public String email;
        public String timeZone;
        public String region;
        public String ownerName;
        public String ownerEmail;

        /** Full name of the contact, else the company. */
        String contact() {
            String full = ((contactFirstName == null ? "" : contactFirstName) + " "
                    + (contactLastName == null ? "" : contactLastName)).strip();
            return full.isEmpty() ? (preferredName == null || preferredName.isBlank() ? company : preferredName) : full;
        }
    }

    /** What consent requests say and when they went: read with the row locked by {@link #lock}. */
    final class ConsentRow {
        public String firstNeeds;
        public String secondNeeds;
        public String explanation;
        public Instant consentRequestedAt;
        public Instant remindedAt;
    }

    /** An introduction waiting for a customer's answer, with that customer's zone and region. */
    final class AwaitingRow {
        public long id;
        public IntroductionStage stage;
        public Instant consentRequestedAt;
        public Instant remindedAt;
        public String timeZone;
        public String region;
    }

    Optional<PartyRow> party(@Param("customerId") long customerId);

    Optional<ConsentRow> consent(@Param("id") long id);

    /** A new consent request went out: its time, and no reminder yet. */
    int markConsentRequested(@Param("id") long id, @Param("at") Instant at);

    int markReminded(@Param("id") long id, @Param("at") Instant at);

    /** The request left later than planned: its deadlines count from {@code at} (the reminder kept as it is). */
    int consentRequestLeft(@Param("id") long id, @Param("at") Instant at);

    /** CONSENTED, waiting for the outbox to send or lose its copies: the oldest first. */
    List<Customers> consented(@Param("limit") int limit);

    /** INTRODUCED before {@code introducedBefore} and not yet asked "did you meet?", oldest first. */
    List<Long> dueForFollowUp(@Param("introducedBefore") Instant introducedBefore, @Param("limit") int limit);

    /** The "did you meet?" email was queued; false when it had been before. */
    int markFollowUp(@Param("id") long id, @Param("at") Instant at);

    /** Whether the history has an event of {@code kind} by {@code actor}. */
    boolean hasEvent(@Param("id") long id, @Param("kind") String kind, @Param("actor") String actor);

    /** Introductions awaiting an answer asked for before {@code requestedBefore}, oldest first. */
    List<AwaitingRow> awaitingConsent(@Param("requestedBefore") Instant requestedBefore,
                                      @Param("remindedBefore") Instant remindedBefore, @Param("limit") int limit);

    /** The fields of a new introduction; {@code id} is set by the insert. */
    final class ProposalRow {
        public Long id;
        public final long firstCustomerId;
        public final long secondCustomerId;
        public final String firstNeeds;
        public final String secondNeeds;
        public final int score;
        public final String explanation;
        public final Long matchRunId;
        public final Instant proposedAt;

        ProposalRow(Match match, Long matchRunId, Instant proposedAt) {
            this.firstCustomerId = match.first();
            this.secondCustomerId = match.second();
            this.firstNeeds = String.join(";", match.firstNeeds().stream().sorted().toList());
            this.secondNeeds = String.join(";", match.secondNeeds().stream().sorted().toList());
            this.score = match.score();
            // four company names of 200 characters make a longer line, and one such pair must not fail the whole run
            this.explanation = ColumnText.fitted(match.explanation(), EXPLANATION_WIDTH);
            this.matchRunId = matchRunId;
            this.proposedAt = proposedAt;
        }

        /** The width of {@code introduction.explanation}, in characters. */
        static final int EXPLANATION_WIDTH = 500;
    }

    /** A new matching run; {@code id} is set by the insert. */
    final class MatchRunRow {
        public Long id;
        public final Instant startedAt;
        public final String startedBy;

        MatchRunRow(Instant startedAt, String startedBy) {
            this.startedAt = startedAt;
            this.startedBy = startedBy;
        }
    }
}
