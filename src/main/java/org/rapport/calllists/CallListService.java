package org.rapport.calllists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.calllists.CallListMapper.ItemRow;
import org.rapport.calllists.CallListMapper.Seller;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.ManagerAlerts;
import org.rapport.planning.PlannedTouchStatus;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
        Seller seller = requireMayRead(access, salesperson);
        Rules r = rules.rules();
        BusinessCalendar calendar = rules.calendar();
        int capacity = seller.dailyCapacity > 0 ? seller.dailyCapacity : r.defaultDailyCapacity();
        boolean workingDay = calendar.isBusinessDay(date, seller.region, WorkingDays.parse(seller.workingDays).days());
        boolean absent = mapper.absent(seller.id, date);
        if (!workingDay || absent) {
            return new CallList(seller.externalId, seller.timeZone, date, workingDay, absent, capacity, List.of(), 0);
        }
        Map<Long, Seller> covered = new HashMap<>();
        mapper.backedUpBy(seller.id).stream().filter(s -> mapper.absent(s.id, date)).forEach(s -> covered.put(s.id, s));
        List<Long> owners = new ArrayList<>(covered.keySet());
        owners.add(seller.id);
        // the full rows of what fits today only; the rest is counted (a seller can have hundreds waiting)
        ZoneId zone = Zones.orUtc(seller.timeZone);
        List<ItemRow> today = mapper.openItems(owners, date, capacity, r.maxCallsPer3Days(),
                date.minusDays(CALL_WINDOW_DAYS - 1).atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(),
                PlannedTouchStatus.OPEN);
        int overflow = today.isEmpty() ? 0 : today.get(0).openTotal - today.size();
        return new CallList(seller.externalId, seller.timeZone, date, true, false, capacity, items(today, covered), overflow);
    }

    private List<CallListItem> items(List<ItemRow> rows, Map<Long, Seller> covered) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> customers = rows.stream().map(r -> r.customerId).distinct().toList();
        Instant now = clock.instant();
        Map<Long, List<TalkingPoints.Touch>> lastTouches = group(mapper.lastTouches(customers), t -> t.customerId);
        Map<Long, List<TalkingPoints.Problem>> problems = group(mapper.problems(customers, now.minusSeconds(30L * 86_400)), p -> p.customerId);
        Map<Long, List<TalkingPoints.Purchase>> purchases = group(mapper.purchases(customers,
                LocalDate.ofInstant(now, ZoneId.of("UTC")).minusDays(180)), p -> p.customerId);
        List<CallListItem> items = new ArrayList<>();
        for (ItemRow r : rows) {
            CallListItem item = new CallListItem();
            item.id = r.id;
            item.position = items.size() + 1;
            item.rule = r.rule;
            item.channel = r.channel;
            item.priority = r.urgency;
            item.dueOn = r.dueOn;
            item.dueBy = r.dueBy;
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
            item.coveringFor = r.ownerId != null && covered.containsKey(r.ownerId) ? covered.get(r.ownerId).externalId : null;
            item.lastTouches = lastTouches.getOrDefault(r.customerId, List.of());
            item.problems = problems.getOrDefault(r.customerId, List.of());
            item.recentPurchases = purchases.getOrDefault(r.customerId, List.of());
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
        return links.calendarUrl(seller.id, mapper.feedGeneration(seller.id));
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
     * VOICEMAIL and NO_ANSWER log the attempt and bring it back in two business days, up to three tries, after which the
     * manager sees it (ESCALATED); RESCHEDULED brings it back on the given date; NOT_NEEDED closes it with a note.
     */
    @Transactional
    public ItemState recordOutcome(AuthenticatedUser user, long id, OutcomeRequest request) {
        ItemRow item = mapper.item(id).orElseThrow(() -> new NotFound("There is no call-list item " + id + "."));
        requireMayWrite(user.access(), item);
        Instant now = clock.instant();
        ZoneId zone = Zones.orUtc(item.timeZone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String note = request.note == null || request.note.isBlank() ? null : request.note.strip();
        // the status moves first: an item that is not OPEN any more is a Conflict before anything is logged
        switch (request.outcome) {
            case REACHED -> {
                planned.close(id, "REACHED", note);
                logTouch(user, item, TouchKind.Outcome.REACHED, note);
            }
            case VOICEMAIL, NO_ANSWER -> {
                Seller owner = item.ownerId == null ? null : mapper.sellerById(item.ownerId).orElse(null);
                LocalDate next = rules.calendar().plusBusinessDays(today, 2, owner == null ? null : owner.region);
                PlannedTouchStatus status = planned.retry(id, request.outcome.name(), note, next, item.tries + 1 >= MAX_TRIES);
                logTouch(user, item, TouchKind.Outcome.valueOf(request.outcome.name()), note);
                if (status == PlannedTouchStatus.ESCALATED) {
                    alerts.alert(ManagerAlerts.Kind.ESCALATED, Long.toString(id), item.customerId, MAX_TRIES, item.reason);
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
        ItemRow after = mapper.item(id).orElseThrow();
        return new ItemState(id, after.status, request.outcome.name(), after.tries, notBefore(id));
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
     * Whoever reaches the customer's owner records outcomes (the owner, their manager, an admin); so does the owner's
     * backup while the owner is away today (the backup has the item on their list then).
     */
    private void requireMayWrite(Access access, ItemRow item) {
        Seller owner = item.ownerId == null ? null : mapper.sellerById(item.ownerId).orElse(null);
        if (access.reaches(item.ownerId, owner == null ? null : owner.managerId)) {
            return;
        }
        if (owner != null && access.isBackup(owner.backupId)
                && mapper.absent(owner.id, clock.instant().atZone(Zones.orUtc(owner.timeZone)).toLocalDate())) {
            return;
        }
        throw new NotAllowed("Call-list item " + item.id + " belongs to another salesperson's customer.");
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
