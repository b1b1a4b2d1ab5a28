package org.rapport.calllists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.calllists.CallListMapper.Seller;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel.CallItem;
import org.rapport.outbox.MailModel.CallListFormats;
import org.rapport.outbox.MailModel.DailyCallList;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@code daily-call-list} email: once a salesperson's local clock has passed the digest time on a day they work
 * (their working days less company holidays and their region's public holidays, {@code BusinessCalendar.worksOn}, as
 * their list is open), their
 * list for that day goes to the outbox, keyed by salesperson and date so it is sent once however often this runs.
 */
@ApplicationScoped
public class DailyDigest {

    private static final Logger LOG = Logger.getLogger(DailyDigest.class.getName());

    @Inject
    CallListMapper mapper;

    @Inject
    CallListService callLists;

    @Inject
    OutboxService outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rapport.call-lists.digest-time")
    String digestTime;

    @Inject
    @ConfigProperty(name = "rapport.public.url")
    String publicUrl;

    /** @return how many digests this run enqueued */
    @Transactional
    public int enqueueDue() {
        Instant now = clock.instant();
        LocalTime at = LocalTime.parse(digestTime);
        int enqueued = 0;
        long started = System.nanoTime();
        List<Seller> sellers = mapper.withEmail();
        Map<Seller, LocalDate> due = new LinkedHashMap<>();
        for (Seller seller : sellers) {
            ZonedDateTime local = now.atZone(Zones.orUtc(seller.timeZone));
            if (!local.toLocalTime().isBefore(at)) {
                due.put(seller, local.toLocalDate());
            }
        }
        // all lists of the run at once (CallListService.lists): a few statements, not a dozen per salesperson
        List<CallList> built = callLists.lists(due);
        long listsBuilt = System.nanoTime();
        int next = 0;
        for (Map.Entry<Seller, LocalDate> entry : due.entrySet()) {
            Seller seller = entry.getKey();
            LocalDate date = entry.getValue();
            CallList list = built.get(next++);
            if (!list.workingDay() || list.absent()) {
                continue;
            }
            Instant notBefore = ZonedDateTime.of(date, at, Zones.orUtc(seller.timeZone)).toInstant();
            if (outbox.enqueue(new Mail("call-list:" + seller.externalId + ":" + date, model(seller, list, date), null, seller.id,
                    null, notBefore.isAfter(now) ? notBefore : now)).created()) {
                enqueued++;
            }
        }
        // the lists' build apart from the queueing: the benchmark reads this line (bench PlanningBenchmark)
        int listed = built.size(), queued = enqueued;
        long buildMillis = (listsBuilt - started) / 1_000_000;
        LOG.info(() -> "Daily digests: " + sellers.size() + " salespeople with email, " + listed + " lists built in " + buildMillis
                + " ms, " + queued + " digests queued, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return enqueued;
    }

    private DailyCallList model(Seller seller, CallList list, LocalDate date) {
        List<CallItem> items = list.items().stream().map(i -> new CallItem(i.localTimeNow, nonNull(i.company),
                i.contactName == null || i.contactName.isBlank() ? nonNull(i.preferredName) : i.contactName,
                nonNull(i.phone), nonNull(i.reason), Integer.toString(i.priority), Long.toString(i.id))).toList();
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        // no web pages yet: the list as the API serves it, and the API's outcome endpoint
        String path = base + "api/call-lists/" + seller.externalId + "/" + date;
        return new DailyCallList(date.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH)), items,
                new CallListFormats(path, path + ".csv", path + ".ics", base + "api/call-lists/items/{item}/outcome"));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
