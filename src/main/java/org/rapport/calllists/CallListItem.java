package org.rapport.calllists;

import java.time.LocalDate;
import java.util.List;

/** One call on a list, with its talking points. */
public class CallListItem {
    public long id;
    public int position;
    public String rule;
    public String channel;
    public int priority;
    public LocalDate dueOn;
    public LocalDate dueBy;
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
    /** Set when the item belongs to an absent colleague this salesperson backs up. */
    public String coveringFor;
    public List<TalkingPoints.Touch> lastTouches;
    public List<TalkingPoints.Problem> problems;
    public List<TalkingPoints.Purchase> recentPurchases;
}
