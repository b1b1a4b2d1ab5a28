package org.rapport.calllists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.calllists.CallListMapper.ItemRow;
import org.rapport.calllists.CallListMapper.Seller;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.BusinessCalendar.Workweek;
import org.rapport.planning.ManagerAlerts;
import org.rapport.planning.PlannedTouchStatus;
import org.rapport.planning.Proposal;
import org.rapport.planning.Urgency;
import org.rapport.planning.PlannedTouches;
import org.rapport.planning.RuleService;
import org.rapport.planning.Rules;
import org.rapport.planning.UnreachedFollowUps;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.security.Access;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.team.WorkingDays;
import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchRequest;
import org.rapport.touches.TouchService;
import org.rapport.users.UserService;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Call lists and their outcomes. A list is not stored: it is the open calls due by that date, most urgent first, capped
 * at capacity, so an item not reached today is simply on tomorrow's list with its urgency grown by a day. A customer
 * called as often as the contact policy allows in the last three days (calls and visits logged, and the list's own
 * items) waits until the window has room again.
 */
@ApplicationScoped
public class CallListService {

    static final int MAX_TRIES = 3;
    /** The contact policy's window for {@code contact.max_calls_per_3_days}: the list's date and the two days before. */
    static final int CALL_WINDOW_DAYS = 3;
    /** Customers per statement of talking points: an IN list this long stays cheap to parse and plan. */
    private static final int TALKING_POINTS_CHUNK = 5_000;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    CallListMapper mapper;

    @Inject
    RuleService rules;

    @Inject
    TouchService touches;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ManagerAlerts alerts;

    @Inject
    UnreachedFollowUps unreached;

    @Inject
    PlannedTouches planned;

    @Inject
    org.rapport.outbox.Links links;

    @Inject
    UserService users;

    public CallList list(Access access, String salesperson, LocalDate date) {
        return list(Map.of(requireMayRead(access, salesperson), date));
    }

    /** One list, its absences and backups asked for that salesperson alone (a few rows, not the team's). */
    private CallList list(Map<Seller, LocalDate> one) {
        Map.Entry<Seller, LocalDate> only = one.entrySet().iterator().next();
        Seller seller = only.getKey();
        Rules r = rules.rules();
        return build(List.of(sheet(seller, only.getValue(), r, rules.calendar(), (id, day) -> mapper.absent(id, day),
                () -> mapper.backedUpBy(seller.id))), r).get(0);
    }

    /**
     * The lists of many salespeople at once, each on its own date (the morning digests): the same lists as
     * {@link #list} builds one by one, read in a few set-based statements whatever their number. The team's backups and
     * absences are read once for all of them.
     */
    List<CallList> lists(Map<Seller, LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        LocalDate utcToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = dates.values().stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate to = dates.values().stream().max(LocalDate::compareTo).orElseThrow();
        // a manager's "today" (in their zone) is at most a day from UTC's
        Absences absences = new Absences(mapper.absences(min(from, utcToday.minusDays(1)), max(to, utcToday.plusDays(1))));
        Map<Long, List<Seller>> backups = mapper.withBackup().stream().collect(Collectors.groupingBy(s -> s.backupId));
        Rules r = rules.rules();
        BusinessCalendar calendar = rules.calendar();
        List<Sheet> sheets = new ArrayList<>();
        dates.forEach((seller, date) -> sheets.add(sheet(seller, date, r, calendar, absences::absent,
                () -> backups.getOrDefault(seller.id, List.of()))));
        return build(sheets, r);
    }

    /** Whether salesperson {@code id} is away on {@code date}. */
    interface Away {
        boolean absent(long id, LocalDate date);
    }

    /** Absences read at once for many lists. */
    private record Absences(Map<Long, List<CallListMapper.Absence>> bySalesperson) implements Away {
        Absences(List<CallListMapper.Absence> rows) {
            this(rows.stream().collect(Collectors.groupingBy(a -> a.salespersonId)));
        }

        @Override
        public boolean absent(long id, LocalDate date) {
            return bySalesperson.getOrDefault(id, List.of()).stream()
                    .anyMatch(a -> !date.isBefore(a.startsOn) && !date.isAfter(a.endsOn));
        }
    }

    /**
     * What one list is made of before its rows are read: its salesperson and date, whether it is open that day, its
     * capacity, the absent colleagues whose calls it carries ({@code covered}, by id) and whose reports' escalations it
     * decides ({@code deciders}, the salesperson included).
     */
    private record Sheet(Seller seller, LocalDate date, boolean open, boolean workingDay, boolean absent, int capacity,
                         Map<Long, Seller> covered, List<Long> deciders) {
    }

    private Sheet sheet(Seller seller, LocalDate date, Rules r, BusinessCalendar calendar, Away away,
                        Supplier<List<Seller>> backedUpBy) {
        int capacity = capacity(seller.dailyCapacity, r);
        boolean workingDay = calendar.worksOn(date, new Workweek(seller.region, WorkingDays.ofStored(seller.workingDays)));
        boolean absent = away.absent(seller.id, date);
        if (!workingDay || absent) {
            return new Sheet(seller, date, false, workingDay, absent, capacity, Map.of(), List.of());
        }
        List<Seller> backedUp = backedUpBy.get();
        Map<Long, Seller> covered = new HashMap<>();
        backedUp.stream().filter(s -> away.absent(s.id, date)).forEach(s -> covered.put(s.id, s));
        // escalated calls first, outside the capacity: the manager's to decide, the holder's to see; also those of the
        // teams of managers this seller is the backup of while they are away today (in their zone), the same fact that
        // lets the backup decide (requireDecides): escalated calls carry no date, so another day's absence shows none
        List<Long> deciders = new ArrayList<>();
        backedUp.stream().filter(s -> away.absent(s.id, today(s))).forEach(s -> deciders.add(s.id));
        deciders.add(seller.id);
        return new Sheet(seller, date, true, true, false, capacity, covered, deciders);
    }

    /** The lists of these sheets, in their order: one statement for their open calls, one for their escalated calls. */
    private List<CallList> build(List<Sheet> sheets, Rules r) {
        List<CallListMapper.ListHolder> holders = new ArrayList<>();
        List<CallListMapper.Decider> deciders = new ArrayList<>();
        int limit = 0;
        for (Sheet sheet : sheets) {
            if (!sheet.open()) {
                continue;
            }
            ZoneId zone = Zones.orUtc(sheet.seller().timeZone);
            Instant callsSince = sheet.date().minusDays(CALL_WINDOW_DAYS - 1).atStartOfDay(zone).toInstant();
            Instant callsUntil = sheet.date().plusDays(1).atStartOfDay(zone).toInstant();
            long list = sheet.seller().id;
            holders.add(new CallListMapper.ListHolder(list, list, sheet.date(), callsSince, callsUntil));
            sheet.covered().keySet().forEach(h -> holders.add(new CallListMapper.ListHolder(h, list, sheet.date(), callsSince, callsUntil)));
            sheet.deciders().forEach(d -> deciders.add(new CallListMapper.Decider(d, list, sheet.date())));
            limit = Math.max(limit, sheet.capacity());
        }
        if (holders.isEmpty()) {
            return sheets.stream().map(CallListService::closed).toList();
        }
        // the full rows of what fits today only; the rest is counted (a seller can have hundreds waiting)
        Map<Long, List<ItemRow>> open = byList(mapper.openItems(holders, limit, r.maxCallsPer3Days(), PlannedTouchStatus.OPEN,
                Urgency.problemRuleNames()));
        Map<Long, List<ItemRow>> escalated = byList(mapper.escalatedItems(deciders, PlannedTouchStatus.ESCALATED));
        Map<Long, List<ItemRow>> listed = new HashMap<>();
        Map<Long, Integer> overflows = new HashMap<>();
        Map<Long, Integer> backlogsWaiting = new HashMap<>();
        for (Sheet sheet : sheets) {
            if (!sheet.open()) {
                continue;
            }
            long list = sheet.seller().id;
            List<ItemRow> rows = open.getOrDefault(list, List.of());
            Map<String, Integer> totals = new HashMap<>();
            rows.forEach(o -> totals.put(o.slotGroup, o.groupTotal));
            DaySlots slots = DaySlots.share(sheet.capacity(), totals.getOrDefault(PROBLEM, 0), totals.getOrDefault(TODAY, 0),
                    totals.getOrDefault(BACKLOG, 0));
            List<ItemRow> today = fitting(rows, slots);
            overflows.put(list, totals.values().stream().mapToInt(Integer::intValue).sum() - today.size());
            backlogsWaiting.put(list, totals.getOrDefault(BACKLOG, 0) - slots.backlog());
            List<ItemRow> onList = new ArrayList<>(escalated.getOrDefault(list, List.of()));
            onList.addAll(today);
            listed.put(list, onList);
        }
        TalkingPoints.Index points = talkingPoints(listed.values().stream().flatMap(List::stream).map(row -> row.customerId)
                .distinct().toList());
        List<CallList> lists = new ArrayList<>();
        for (Sheet sheet : sheets) {
            if (!sheet.open()) {
                lists.add(closed(sheet));
                continue;
            }
            long list = sheet.seller().id;
            lists.add(new CallList(sheet.seller().externalId, sheet.seller().timeZone, sheet.date(), true, false, sheet.capacity(),
                    items(listed.get(list), sheet.covered(), sheet.date(), points), overflows.get(list), backlogsWaiting.get(list)));
        }
        return lists;
    }

    private static CallList closed(Sheet sheet) {
        return new CallList(sheet.seller().externalId, sheet.seller().timeZone, sheet.date(), sheet.workingDay(), sheet.absent(),
                sheet.capacity(), List.of(), 0);
    }

    private static Map<Long, List<ItemRow>> byList(List<ItemRow> rows) {
        // groupingBy keeps each list's rows in the order the statement ranked them
        return rows.stream().collect(Collectors.groupingBy(row -> row.listId));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static final String PROBLEM = "PROBLEM";
    private static final String TODAY = "TODAY";
    private static final String BACKLOG = "BACKLOG";

    /** The first rows of each group that the slots hold, in the list's order (the rows come in it). */
    private static List<ItemRow> fitting(List<ItemRow> rows, DaySlots slots) {
        Map<String, Integer> left = new HashMap<>(Map.of(PROBLEM, slots.problem(), TODAY, slots.dueToday(), BACKLOG, slots.backlog()));
        List<ItemRow> fitting = new ArrayList<>();
        for (ItemRow row : rows) {
            if (left.merge(row.slotGroup, -1, Integer::sum) >= 0) {
                fitting.add(row);
            }
        }
        return fitting;
    }

    /** The list of a salesperson for today in their own time zone (the page a salesperson opens in the morning). */
    public CallList today(Access access, String salesperson) {
        return todayLists(access, List.of(salesperson)).get(0);
    }

    /**
     * Today's lists of these salespeople, each in their own zone, built together ({@link #lists}): a manager's page of
     * their team. Each must be within the caller's reach.
     */
    List<CallList> todayLists(Access access, List<String> salespeople) {
        Map<Seller, LocalDate> dates = new LinkedHashMap<>();
        salespeople.forEach(s -> {
            Seller seller = requireMayRead(access, s);
            dates.put(seller, today(seller));
        });
        return salespeople.size() == 1 ? List.of(list(dates)) : lists(dates);
    }

    /** A salesperson's daily capacity: their own, or the rule {@code capacity.default_daily} when they have none. */
    static int capacity(Integer own, Rules rules) {
        return own != null && own > 0 ? own : rules.defaultDailyCapacity();
    }

    /** The talking points of these customers, a few thousand per statement. */
    private TalkingPoints.Index talkingPoints(List<Long> customers) {
        Instant now = clock.instant();
        Instant problemsSince = now.minusSeconds(30L * 86_400);
        LocalDate purchasesSince = LocalDate.ofInstant(now, ZoneId.of("UTC")).minusDays(180);
        List<TalkingPoints.Touch> touches = new ArrayList<>();
        List<TalkingPoints.Problem> problems = new ArrayList<>();
        List<TalkingPoints.Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < customers.size(); i += TALKING_POINTS_CHUNK) {
            List<Long> chunk = customers.subList(i, Math.min(customers.size(), i + TALKING_POINTS_CHUNK));
            for (Object point : mapper.talkingPoints(chunk, problemsSince, purchasesSince)) {
                if (point instanceof TalkingPoints.Touch t) {
                    touches.add(t);
                } else if (point instanceof TalkingPoints.Problem p) {
                    problems.add(p);
                } else {
                    purchases.add((TalkingPoints.Purchase) point);
                }
            }
        }
        return new TalkingPoints.Index(group(touches, t -> t.customerId), group(problems, p -> p.customerId),
                group(purchases, p -> p.customerId));
    }

    private List<CallListItem> items(List<ItemRow> rows, Map<Long, Seller> covered, LocalDate date, TalkingPoints.Index points) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<CallListItem> items = new ArrayList<>();
        for (ItemRow r : rows) {
            CallListItem item = new CallListItem();
            item.id = r.id;
            item.position = items.size() + 1;
            item.rule = r.rule;
            item.status = r.status;
            item.urgency = Urgency.of(Proposal.Rule.valueOf(r.rule), PlannedTouchStatus.valueOf(r.status)).name();
            item.escalated = PlannedTouchStatus.ESCALATED.name().equals(r.status);
            item.heldBy = item.escalated ? r.holder : null;
            item.channel = r.channel;
            item.priority = r.urgency;
            item.dueOn = r.dueOn;
            item.dueBy = r.dueBy;
            item.daysOverdue = DaySlots.daysOverdue(r.dueOn, r.dueBy, date);
            item.backlog = item.daysOverdue > 0;
            item.reason = r.reason;
            item.tries = r.tries;
            item.customer = r.customer;
            item.company = r.company;
            item.preferredName = firstOf(r.preferredName, r.contactFirstName, r.company);
            item.contactName = (nonNull(r.contactFirstName) + " " + nonNull(r.contactLastName)).strip();
            item.phone = r.phone;
            item.timeZone = r.timeZone;
            item.localTimeNow = localTime(now, r.timeZone);
            item.preferences = r.preferences;
            item.personalNotes = r.personalNotes;
            item.consent = r.consent;
            item.coveringFor = r.holderId != null && covered.containsKey(r.holderId) ? covered.get(r.holderId).externalId : null;
            item.lastTouches = points.lastTouches().getOrDefault(r.customerId, List.of());
            item.problems = points.problems().getOrDefault(r.customerId, List.of());
            item.recentPurchases = points.purchases().getOrDefault(r.customerId, List.of());
            items.add(item);
        }
        return items;
    }

    /** The current calendar address of a salesperson; only while someone may log in for them. */
    public String calendarLink(Access access, String salesperson) {
        Seller seller = feedOwner(access, salesperson);
        return links.calendarUrl(seller.id, mapper.feedGeneration(seller.id));
    }

    /** A new calendar address for a salesperson; every older one of theirs stops working, nobody else's. */
    @Transactional
    public String rotateCalendarLink(Access access, String salesperson) {
        Seller seller = feedOwner(access, salesperson);
        mapper.rotateFeed(seller.id, clock.instant());
        long generation = mapper.feedGeneration(seller.id);
        // the generation, never the address: it is a secret that opens the salesperson's calendar
        audit.record(AuditKind.CALENDAR_LINK_ROTATED, Subject.of("salesperson", seller.externalId),
                new Change(Map.of("generation", generation - 1), Map.of("generation", generation)));
        return links.calendarUrl(seller.id, generation);
    }

    private Seller feedOwner(Access access, String salesperson) {
        Seller seller = requireMayRead(access, salesperson);
        if (!users.hasEnabledLogin(seller.id)) {
            throw new Conflict(salesperson + " has no enabled login; a calendar feed lives only as long as one.");
        }
        return seller;
    }

    /**
     * Records what came of a call. REACHED logs a two-way touch (the cadence starts again) and closes the item;
     * VOICEMAIL and NO_ANSWER log the attempt and bring it back on the second day the holder works that is no public
     * holiday in the customer's region either, up to three tries, after which the manager sees it (ESCALATED); RESCHEDULED
     * brings it back on the given date; NOT_NEEDED closes it with a note.
     */
    @Transactional
    public ItemState recordOutcome(AuthenticatedUser user, long id, OutcomeRequest request) {
        ItemRow item = requireMayWrite(user.access(), id);
        Instant now = clock.instant();
        ZoneId zone = Zones.orUtc(item.timeZone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String note = note(request.note);
        // the status moves first: an item that is not OPEN any more is a Conflict before anything is logged
        switch (request.outcome) {
            case REACHED -> {
                planned.close(id, "REACHED", note);
                logTouch(user, item, TouchKind.Outcome.REACHED, note);
            }
            case VOICEMAIL, NO_ANSWER -> {
                // back on the second day the holder works that is no public holiday in the customer's region either:
                // the same rule as the follow-up's due dates (BusinessCalendar.callDayAfter)
                Seller holder = item.holderId == null ? null : mapper.sellerById(item.holderId).orElse(null);
                LocalDate next = rules.calendar().callDayAfter(today, 2, item.region, holder == null
                        ? Workweek.MONDAY_TO_FRIDAY_ANYWHERE : new Workweek(holder.region, WorkingDays.ofStored(holder.workingDays)));
                PlannedTouchStatus status = planned.retry(id, request.outcome.name(), note, next, item.tries + 1 >= MAX_TRIES);
                logTouch(user, item, TouchKind.Outcome.valueOf(request.outcome.name()), note);
                if (status == PlannedTouchStatus.ESCALATED) {
                    // to the holder's manager; a call given to someone else escalates anew under its own cause
                    boolean given = item.holderId != null && !item.holderId.equals(item.ownerId);
                    alerts.alert(ManagerAlerts.Kind.ESCALATED, given ? id + ":" + item.holderId : Long.toString(id), item.customerId,
                            given ? item.holderId : null, MAX_TRIES, item.reason);
                    unreached.emailCustomer(id); // a problem follow-up nobody answered: the customer gets it in writing
                }
            }
            case RESCHEDULED -> {
                if (request.rescheduleTo == null) {
                    throw new InvalidInput("reschedule_to: a date is required for RESCHEDULED.");
                }
                if (request.rescheduleTo.isBefore(today)) {
                    throw new InvalidInput("reschedule_to: " + request.rescheduleTo + " is in the past (today is " + today + ").");
                }
                planned.reschedule(id, request.rescheduleTo, note);
            }
            case NOT_NEEDED -> {
                if (note == null) {
                    throw new InvalidInput("note: say why the call is not needed.");
                }
                planned.close(id, "NOT_NEEDED", note);
            }
        }
        return state(id, request.outcome.name());
    }

    /**
     * The salesperson moves an OPEN call to a later day ({@link Snooze}: after today in the holder's zone, where the
     * list is dated, at most two weeks ahead, a problem-related call not past its due-by date). No try is counted and
     * nothing is logged: nothing happened with the customer. The call keeps its age.
     */
    @Transactional
    public ItemState snooze(AuthenticatedUser user, long id, SnoozeRequest request) {
        ItemRow item = requireMayWrite(user.access(), id);
        LocalDate today = item.holderId == null ? clock.instant().atZone(Zones.orUtc(item.timeZone)).toLocalDate()
                : holderToday(item.holderId);
        boolean problemRelated = Urgency.PROBLEM_RULES.contains(Proposal.Rule.valueOf(item.rule));
        LocalDate until = Snooze.until(request.until, today, problemRelated, item.dueBy);
        planned.snooze(id, until, note(request.note));
        return state(id, "SNOOZED");
    }

    /**
     * The salesperson hands back an OPEN courtesy call they will not make: it leaves the list (CANCELLED, outcome
     * HANDED_BACK, never REACHED: no call happened), and the planner plans the customer's next courtesy call by the
     * tier's cadence from today. Any other kind of call is a Conflict: a follow-up is the service standard.
     */
    @Transactional
    public ItemState handBack(AuthenticatedUser user, long id, HandBackRequest request) {
        ItemRow item = requireMayWrite(user.access(), id);
        if (Proposal.Rule.valueOf(item.rule) != Proposal.Rule.COURTESY) {
            throw new Conflict("Call-list item " + id + " is a " + item.rule + " call: only a courtesy call is handed back; record "
                    + "an outcome instead.");
        }
        planned.handBack(id, note(request.note));
        return state(id, PlannedTouches.HANDED_BACK);
    }

    /**
     * The one who decides (the manager, their backup while they are away, or an admin) takes an escalated call: it is on
     * their own list today, with a fresh round of tries.
     */
    @Transactional
    public ItemState take(AuthenticatedUser user, long id, DecisionRequest request) {
        requireDecides(user.access(), id);
        if (user.salespersonId() == null) {
            throw new Conflict("Login " + user.username() + " acts for no salesperson and cannot hold a call: reassign it.");
        }
        planned.assign(id, user.salespersonId(), holderToday(user.salespersonId()), "TAKEN", note(request.note));
        return state(id, "TAKEN");
    }

    /**
     * The one who decides gives an escalated call to a salesperson within reach: the manager's team (a backup deciding
     * for an absent manager reaches that manager's team, an admin everyone).
     */
    @Transactional
    public ItemState reassign(AuthenticatedUser user, long id, ReassignRequest request) {
        Access deciding = requireDecides(user.access(), id);
        Seller to = mapper.seller(request.salesperson)
                .orElseThrow(() -> new InvalidInput("salesperson: there is no salesperson " + request.salesperson + "."));
        if (!deciding.reaches(to.id, to.managerId)) {
            throw new NotAllowed("salesperson: " + to.externalId + " is not in your team; a call goes only to someone you manage.");
        }
        planned.assign(id, to.id, today(to), "REASSIGNED", note(request.note));
        return state(id, "REASSIGNED");
    }

    /** The one who decides puts an escalated call back on its holder's list on a later date. */
    @Transactional
    public ItemState rescheduleEscalated(AuthenticatedUser user, long id, EscalationRescheduleRequest request) {
        requireDecides(user.access(), id);
        ItemRow item = mapper.item(id).orElseThrow();
        LocalDate today = item.holderId == null ? clock.instant().atZone(ZoneOffset.UTC).toLocalDate() : holderToday(item.holderId);
        if (request.rescheduleTo.isBefore(today)) {
            throw new InvalidInput("reschedule_to: " + request.rescheduleTo + " is in the past (today is " + today + ").");
        }
        planned.rescheduleEscalated(id, request.rescheduleTo, note(request.note));
        return state(id, "RESCHEDULED");
    }

    /** The one who decides closes an escalated call, saying why. */
    @Transactional
    public ItemState closeEscalated(AuthenticatedUser user, long id, CloseRequest request) {
        requireDecides(user.access(), id);
        String note = note(request.note);
        if (note == null) {
            throw new InvalidInput("note: say why the call is closed.");
        }
        planned.closeEscalated(id, note);
        return state(id, "CLOSED");
    }

    /**
     * The access with which the caller decides about item {@code id}'s escalation ({@link Access#decidingEscalation}):
     * the manager of its holder, that manager's backup while the manager is away today (in the manager's zone), or an
     * admin. Anyone else gets the same 403 whatever the item's status, and whether it exists at all, so the answer tells
     * nothing about other people's calls.
     */
    private Access requireDecides(Access access, long id) {
        java.util.Optional<ItemRow> item = mapper.item(id);
        java.util.Optional<Access> deciding = item.flatMap(i -> {
            Seller holder = i.holderId == null ? null : mapper.sellerById(i.holderId).orElse(null);
            Seller manager = holder == null || holder.managerId == null ? null : mapper.sellerById(holder.managerId).orElse(null);
            boolean managerAway = manager != null && mapper.absent(manager.id, today(manager));
            return access.decidingEscalation(i.holderId, manager == null ? null : manager.id,
                    manager == null ? null : manager.backupId, managerAway);
        });
        return deciding.orElseThrow(() -> access.refusal(item.isPresent(), "There is no call-list item " + id + ".",
                "Call-list item " + id + " is not yours to decide: an escalated call is decided by its holder's manager, "
                        + "by that manager's backup while the manager is away, or by an admin."));
    }

    /**
     * Today for the one who holds a call: a call list is dated in its salesperson's zone, so a decided call is dated
     * there too (not in the customer's, which can be a day apart).
     */
    private LocalDate holderToday(long sellerId) {
        return today(mapper.sellerById(sellerId).orElseThrow());
    }

    private LocalDate today(Seller seller) {
        return clock.instant().atZone(Zones.orUtc(seller.timeZone)).toLocalDate();
    }

    private ItemState state(long id, String outcome) {
        ItemRow after = mapper.item(id).orElseThrow();
        return new ItemState(id, after.status, outcome, after.tries, notBefore(id), after.holder);
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    private LocalDate notBefore(long id) {
        return mapper.notBefore(id);
    }

    private void logTouch(AuthenticatedUser user, ItemRow item, TouchKind.Outcome outcome, String note) {
        TouchRequest touch = new TouchRequest();
        touch.customer = item.customer;
        touch.kind = "VISIT".equals(item.channel) && outcome == TouchKind.Outcome.REACHED ? TouchKind.VISIT : TouchKind.CALL;
        touch.outcome = outcome;
        touch.note = note;
        touches.record(user, item.customerId, touch); // requireMayWrite has decided who may
    }

    /** The salesperson whose list is asked for, if the caller reaches them: themselves, their team, or anyone (admin). */
    private Seller requireMayRead(Access access, String salesperson) {
        Seller seller = mapper.seller(salesperson).orElseThrow(() -> new NotFound("There is no salesperson " + salesperson + "."));
        if (!access.reaches(seller.id, seller.managerId)) {
            throw new NotAllowed("The call list of " + seller.externalId + " is not yours to see.");
        }
        return seller;
    }

    /**
     * The item, when the caller records its outcomes: whoever reaches the call's holder (the holder, their manager, an
     * admin), and the holder's backup while the holder is away today (the backup has the item on their list then). The
     * holder is the customer's owner unless a manager gave the call to someone else. Anyone else gets the same 403
     * whether the item exists or not.
     */
    private ItemRow requireMayWrite(Access access, long id) {
        java.util.Optional<ItemRow> item = mapper.item(id);
        if (item.isPresent() && mayWrite(access, item.get())) {
            return item.get();
        }
        throw access.refusal(item.isPresent(), "There is no call-list item " + id + ".",
                "Call-list item " + id + " is not on a call list you reach.");
    }

    private boolean mayWrite(Access access, ItemRow item) {
        Seller owner = item.holderId == null ? null : mapper.sellerById(item.holderId).orElse(null);
        if (access.reaches(item.holderId, owner == null ? null : owner.managerId)) {
            return true;
        }
        return owner != null && access.isBackup(owner.backupId)
                && mapper.absent(owner.id, clock.instant().atZone(Zones.orUtc(owner.timeZone)).toLocalDate());
    }

    private static <T> Map<Long, List<T>> group(Collection<T> rows, Function<T, Long> customer) {
        return rows.stream().collect(Collectors.groupingBy(customer));
    }

    private static String localTime(Instant now, String zone) {
        ZoneId id = Zones.orUtc(zone);
        return HOUR.format(now.atZone(id)) + " " + id.getId();
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
