package org.rapport.calllists;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.customers.Consent;
import org.rapport.planning.PlannedTouchStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface CallListMapper {

    Optional<Seller> seller(@Param("externalId") String externalId);

    Optional<Seller> sellerById(@Param("id") long id);

    /** Salespeople with an email address, for the morning digest. */
    List<Seller> withEmail();

    /** The salespeople whose backup this one is. */
    List<Seller> backedUpBy(@Param("id") long id);

    boolean absent(@Param("id") long id, @Param("date") LocalDate date);

    /** The generation current feed links of this salesperson carry (0 until the first rotation). */
    long feedGeneration(@Param("salespersonId") long salespersonId);

    int rotateFeed(@Param("salespersonId") long salespersonId, @Param("now") Instant now);

    /** Salespeople who have a backup (the digests' lists: who covers whom). */
    List<Seller> withBackup();

    /** The absences that touch {@code [from, to]}. */
    List<Absence> absences(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * Open calls and visits held by {@code holders} (each going on its list), due by its list's date, each list's most
     * urgent first, at most {@code maxCalls} per customer together with the calls and visits logged in its list's window;
     * at most {@code limit} of each {@link DaySlots} group of a list, each row with its list, its group and the group's
     * total. Ordered by list.
     */
    List<ItemRow> openItems(@Param("holders") Collection<ListHolder> holders, @Param("limit") int limit,
                            @Param("maxCalls") int maxCalls, @Param("open") PlannedTouchStatus open,
                            @Param("problemRules") Collection<String> problemRules);

    /**
     * Escalated calls held by a list's salesperson or by someone who reports to one of its {@code deciders} (the
     * salesperson, and the absent managers the salesperson stands in for), each list's most urgent first.
     */
    List<ItemRow> escalatedItems(@Param("deciders") Collection<Decider> deciders,
                                 @Param("escalated") PlannedTouchStatus escalated);

    /** A holder whose open calls go on list {@code listId} (a salesperson's id) of {@code date}. */
    record ListHolder(long holderId, long listId, LocalDate date, Instant callsSince, Instant callsUntil) {
    }

    /** Salesperson {@code deciderId}'s reports' escalated calls go on list {@code listId} of {@code date}. */
    record Decider(long deciderId, long listId, LocalDate date) {
    }

    class Absence {
        long salespersonId;
        LocalDate startsOn;
        LocalDate endsOn;
    }

    /**
     * The talking points of these customers, each a {@link TalkingPoints.Touch} (the three last), a
     * {@link TalkingPoints.Problem} (open, or resolved since {@code since}) or a {@link TalkingPoints.Purchase} (the three
     * last since {@code purchasedSince}), by customer, each kind newest first.
     */
    List<Object> talkingPoints(@Param("customerIds") Collection<Long> customerIds, @Param("since") Instant since,
                               @Param("purchasedSince") LocalDate purchasedSince);

    Optional<ItemRow> item(@Param("id") long id);

    LocalDate notBefore(@Param("id") long id);

    class Seller {
        long id;
        String externalId;
        String name;
        String timeZone;
        /** Their own public holidays close their list (BusinessCalendar.Workweek). */
        String region;
        /** {@code null}: the rule {@code capacity.default_daily}. */
        Integer dailyCapacity;
        String workingDays;
        Long managerId;
        Long backupId;
    }

    class ItemRow {
        long id;
        /** The list the row is on (a salesperson's id; openItems and escalatedItems). */
        long listId;
        String rule;
        String channel;
        String status;
        int priority;
        int urgency;
        /** PROBLEM, TODAY or BACKLOG ({@link DaySlots}; only in {@code openItems}). */
        String slotGroup;
        /** All open items of the row's group (only in {@code openItems}); more than fit today overflow. */
        int groupTotal;
        LocalDate dueOn;
        LocalDate dueBy;
        String reason;
        int tries;
        long customerId;
        String customer;
        /** The customer's owner. */
        Long ownerId;
        /** Who holds the call: the salesperson a manager gave it to, else the customer's owner. */
        Long holderId;
        /** The holder's external id (escalated items and single items only). */
        String holder;
        String company;
        String preferredName;
        String contactFirstName;
        String contactLastName;
        String phone;
        String timeZone;
        /** The customer's region: its public holidays keep the call's retry off them. */
        String region;
        String preferences;
        String personalNotes;
        /** The customer's contact state (CustomerMapper's {@code consent} result map, nested). */
        Consent consent;
    }
}
