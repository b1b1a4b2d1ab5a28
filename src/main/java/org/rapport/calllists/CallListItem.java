package org.rapport.calllists;

import jakarta.json.bind.annotation.JsonbTransient;
import org.rapport.customers.Consent;

import java.time.LocalDate;
import java.util.List;

/** One call on a list, with its talking points. */
public class CallListItem {
    public long id;
    public int position;
    public String rule;
    /** OPEN, or ESCALATED: waiting for the manager's decision (take, reassign, reschedule, close). */
    public String status;
    /** ESCALATED, PROBLEM or COURTESY ({@code org.rapport.planning.Urgency}): the list is ordered by it, then by priority. */
    public String urgency;
    public boolean escalated;
    /** For an escalated call: the salesperson who holds it (whose manager decides). */
    public String heldBy;
    public String channel;
    /** The score within the urgency class: the planned priority plus one point per day overdue. */
    public int priority;
    public LocalDate dueOn;
    public LocalDate dueBy;
    /**
     * Carried over: past its due-by date (its due date when it has none) on the list's date; otherwise due today. A
     * rescheduled or snoozed call keeps its age.
     */
    public boolean backlog;
    /** Days past its due-by date on the list's date ({@link DaySlots#daysOverdue}); 0 when due today. */
    public int daysOverdue;
    public String reason;
    public int tries;
    public String customer;
    public String company;
    public String preferredName;
    public String contactName;
    public String phone;
    public String timeZone;
    /** The customer's local time when the list was made, e.g. {@code 09:42 Europe/Berlin}. */
    public String localTimeNow;
    public String preferences;
    public String personalNotes;
    /**
     * The customer's contact state, for the card: a customer on a list may be called (do-not-contact ones never are), but
     * may have unsubscribed, stopped purposes, refuse email or bounce. Not part of the list's JSON, CSV or calendar.
     */
    @JsonbTransient
    public Consent consent;
    /** Set when the item belongs to an absent colleague this salesperson backs up. */
    public String coveringFor;
    public List<TalkingPoints.Touch> lastTouches;
    public List<TalkingPoints.Problem> problems;
    public List<TalkingPoints.Purchase> recentPurchases;
}
