package org.rapport.calllists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.calllists.CallListMapper.ItemRow;
import org.rapport.calllists.CallListMapper.Seller;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.ManagerAlerts;
import org.rapport.planning.RuleService;
import org.rapport.planning.Rules;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Role;
import org.rapport.platform.web.ApiException;
import org.rapport.team.WorkingDays;
import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchRequest;
import org.rapport.touches.TouchService;
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
    org.rapport.outbox.Links links;

    public CallList list(AuthenticatedUser user, String salesperson, LocalDate date) {
        Seller seller = mapper.seller(salesperson).orElseThrow(() -> ApiException.notFound("There is no salesperson " + salesperson + "."));
        requireMayRead(user, seller);
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
                date.minusDays(CALL_WINDOW_DAYS - 1).atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
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

    public String calendarLink(AuthenticatedUser user, String salesperson) {
        Seller seller = mapper.seller(salesperson).orElseThrow(() -> ApiException.notFound("There is no salesperson " + salesperson + "."));
        requireMayRead(user, seller);
        return links.calendarUrl(seller.id);
    }

    /**
     * Records what came of a call. REACHED logs a two-way touch (the cadence starts again) and closes the item;
     * VOICEMAIL and NO_ANSWER log the attempt and bring it back in two business days, up to three tries, after which the
     * manager sees it (ESCALATED); RESCHEDULED brings it back on the given date; NOT_NEEDED closes it with a note.
     */
    @Transactional
    public ItemState recordOutcome(AuthenticatedUser user, long id, OutcomeRequest request) {
        ItemRow item = mapper.item(id).orElseThrow(() -> ApiException.notFound("There is no call-list item " + id + "."));
        requireMayWrite(user, item);
        if (!"OPEN".equals(item.status)) {
            throw ApiException.conflict("Call-list item " + id + " is " + item.status + "; only OPEN items take an outcome.");
        }
        Instant now = clock.instant();
        ZoneId zone = Zones.orUtc(item.timeZone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String note = request.note == null || request.note.isBlank() ? null : request.note.strip();
        switch (request.outcome) {
            case REACHED -> {
                logTouch(user, item, TouchKind.Outcome.REACHED, note);
                mapper.close(id, "DONE", "REACHED", note, now);
            }
            case VOICEMAIL, NO_ANSWER -> {
                logTouch(user, item, TouchKind.Outcome.valueOf(request.outcome.name()), note);
                Seller owner = item.ownerId == null ? null : mapper.sellerById(item.ownerId).orElse(null);
                LocalDate next = rules.calendar().plusBusinessDays(today, 2, owner == null ? null : owner.region);
                boolean escalated = item.tries + 1 >= MAX_TRIES;
                mapper.retry(id, request.outcome.name(), note, next, escalated, now);
                if (escalated) {
                    alerts.alert(ManagerAlerts.Kind.ESCALATED, Long.toString(id), item.customerId, MAX_TRIES, item.reason);
                }
            }
            case RESCHEDULED -> {
                if (request.rescheduleTo == null) {
                    throw ApiException.badRequest("reschedule_to: a date is required for RESCHEDULED.");
                }
                if (request.rescheduleTo.isBefore(today)) {
                    throw ApiException.badRequest("reschedule_to: " + request.rescheduleTo + " is in the past (today is " + today + ").");
                }
                mapper.reschedule(id, request.rescheduleTo, note, now);
            }
            case NOT_NEEDED -> {
                if (note == null) {
                    throw ApiException.badRequest("note: say why the call is not needed.");
                }
                mapper.close(id, "DONE", "NOT_NEEDED", note, now);
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

    private void requireMayRead(AuthenticatedUser user, Seller seller) {
        if (user.role() == Role.ADMIN || seller.id == nonNullId(user)) {
            return;
        }
        if (user.role() == Role.MANAGER && seller.managerId != null && seller.managerId == nonNullId(user)) {
            return;
        }
        throw ApiException.forbidden("The call list of " + seller.externalId + " is not yours to see.");
    }

    /**
     * The owner, their manager and an admin record outcomes; so does the owner's backup while the owner is away today
     * (the backup has the item on their list then).
     */
    private void requireMayWrite(AuthenticatedUser user, ItemRow item) {
        if (user.role() == Role.ADMIN || (item.ownerId != null && item.ownerId == nonNullId(user))) {
            return;
        }
        Seller owner = item.ownerId == null ? null : mapper.sellerById(item.ownerId).orElse(null);
        if (owner != null && user.role() == Role.MANAGER && owner.managerId != null && owner.managerId == nonNullId(user)) {
            return;
        }
        if (owner != null && owner.backupId != null && owner.backupId == nonNullId(user)
                && mapper.absent(owner.id, clock.instant().atZone(Zones.orUtc(owner.timeZone)).toLocalDate())) {
            return;
        }
        throw ApiException.forbidden("Call-list item " + item.id + " belongs to another salesperson's customer.");
    }

    private static long nonNullId(AuthenticatedUser user) {
        return user.salespersonId() == null ? -1 : user.salespersonId();
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
