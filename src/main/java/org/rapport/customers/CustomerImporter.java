package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.categories.CategoryService;
import org.rapport.categories.Taxonomy;
import org.rapport.customers.CustomerMapper.Stored;
import org.rapport.customers.CustomerMapper.Write;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;
import org.rapport.platform.database.Batches;
import org.rapport.suppression.SuppressionList;
import org.rapport.team.TeamService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code POST /api/import/customers}: upsert by external_id, batch by batch. A row whose email address is on the
 * suppression list is not stored: it is the one way an address becomes a customer's, so this is where the list holds.
 * Nor is a row under an erased customer's marker ({@link #ERASED}): the anonymised row is never filled again.
 */
@ApplicationScoped
public class CustomerImporter implements RowImporter<CustomerRow> {

    private static final Set<String> COLUMNS = Set.of("external_id", "company", "contact_first_name", "contact_last_name",
            "preferred_name", "email", "phone", "time_zone", "locale", "region", "industry", "offers", "needs", "owner",
            "tier", "customer_since", "annual_revenue", "email_ok", "intro_ok", "do_not_contact", "preferences",
            "personal_notes", "referred_by");

    /** The reason an import gives for a suppressed row; no value goes with it. */
    public static final String SUPPRESSED = "suppressed: this address asked to be forgotten";

    /** The reason an import gives for a row under an erased customer's marker: that row is never filled again. */
    public static final String ERASED = "this customer was erased; a new customer needs a new external id";

    @Inject
    CustomerMapper mapper;

    @Inject
    TeamService team;

    @Inject
    Batches batches;

    @Inject
    CategoryService categoryService;

    @Inject
    SuppressionList suppression;

    @Inject
    jakarta.enterprise.event.Event<CustomerReferred> referredEvents;

    @Inject
    jakarta.enterprise.event.Event<CustomerOwnersChanged> ownersChanged;

    /** Loaded once per import by {@link #prepare()}; both are small. */
    private volatile Taxonomy categories = new Taxonomy(List.of());
    /** Why each unknown code was refused, worked out once per code and import (a file may repeat one a million times). */
    private final Map<String, String> unknownReasons = new ConcurrentHashMap<>();
    private volatile Map<String, Long> owners = Map.of();

    @Override
    public String kind() {
        return "customers";
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("external_id", "company", "time_zone");
    }

    @Override
    public void prepare() {
        categories = categoryService.taxonomy();
        unknownReasons.clear();
        owners = team.idsByExternalId();
    }

    @Override
    public CustomerRow parse(Row row) {
        CustomerRow c = new CustomerRow(row.externalId("external_id"), row.required("company", 200),
                row.text("contact_first_name", 100), row.text("contact_last_name", 100), row.text("preferred_name", 100),
                row.email("email"), row.phone("phone"), row.zoneId("time_zone"), row.locale("locale", "en"),
                row.region("region"), row.text("industry", 100), row.codes("offers", categories::contains, this::unknownCode),
                row.codes("needs", categories::contains, this::unknownCode), row.text("owner", 64), row.choice("tier", Tier.class, null),
                row.date("customer_since"), row.money("annual_revenue", false), Boolean.TRUE.equals(row.bool("email_ok", true)),
                Boolean.TRUE.equals(row.bool("intro_ok", false)), Boolean.TRUE.equals(row.bool("do_not_contact", false)),
                row.text("preferences", 4000), row.text("personal_notes", 4000), row.text("referred_by", 64));
        if (c.referredBy() != null && c.referredBy().equalsIgnoreCase(c.externalId())) {
            row.reject("referred_by", c.referredBy(), "a customer does not recommend themselves");
        }
        if (c.owner() != null && !owners.containsKey(c.owner())) {
            row.reject("owner", c.owner(), "unknown salesperson external_id (import salespeople first)");
        }
        return row.valid() ? c : null;
    }

    private String unknownCode(String code) {
        if (unknownReasons.size() > 10_000) {
            return categories.unknownCodeReason(code);
        }
        return unknownReasons.computeIfAbsent(code, categories::unknownCodeReason);
    }

    @Override
    public String externalId(CustomerRow row) {
        return row.externalId();
    }

    @Override
    @Transactional
    public Counts store(List<Parsed<CustomerRow>> batch, Consumer<Rejection> reject) {
        Map<String, Stored> stored = new HashMap<>();
        Set<String> erased = new HashSet<>(); // in upper case: the database finds "ERASED-7" under "erased-7"
        mapper.findStored(batch.stream().map(p -> p.row().externalId()).toList()).forEach(s -> {
            stored.put(s.externalId(), s);
            if (s.erased()) {
                erased.add(upper(s.externalId()));
            }
        });
        Set<String> codes = new HashSet<>();
        batch.forEach(p -> {
            codes.addAll(p.row().offers());
            codes.addAll(p.row().needs());
        });
        // held until this batch commits: a code deleted or merged since the file was checked is not stored
        Set<String> existing = categoryService.holdExisting(codes);
        List<Parsed<CustomerRow>> kept = new ArrayList<>();
        long refused = 0;
        for (Parsed<CustomerRow> p : batch) {
            if (refusedForGoneCode(p, "offers", p.row().offers(), existing, reject)
                    || refusedForGoneCode(p, "needs", p.row().needs(), existing, reject)) {
                refused++;
            } else {
                kept.add(p);
            }
        }
        refused += refuseSuppressed(kept, reject);
        Set<String> referrers = referrersKnown(kept);
        List<Write> writes = new ArrayList<>();
        List<CustomerRow> referred = new ArrayList<>();
        List<Long> reowned = new ArrayList<>();
        long created = 0;
        for (Parsed<CustomerRow> p : kept) {
            CustomerRow row = p.row();
            if (row.referredBy() != null && !referrers.contains(upper(row.referredBy()))) {
                reject.accept(new Rejection(p.line(), "referred_by", row.referredBy(), "no customer has this external_id "
                        + "(import the recommending customer first, or earlier in the same file)"));
                refused++;
                continue;
            }
            if (erased.contains(upper(row.externalId()))) {
                reject.accept(new Rejection(p.line(), "external_id", row.externalId(), ERASED));
                refused++;
                continue;
            }
            Stored before = stored.get(row.externalId());
            byte[] hash = row.importHash();
            if (before != null && Arrays.equals(before.importHash(), hash)) {
                continue;
            }
            if (before == null) {
                created++;
                if (row.referredBy() != null) {
                    referred.add(row); // a new customer: someone recommended them; an existing one was won before
                }
            }
            Long owner = row.owner() == null ? null : owners.get(row.owner());
            if (before != null && !Objects.equals(before.ownerId(), owner)) {
                reowned.add(before.id());
            }
            writes.add(new Write(row, owner, hash, Categories.join(row.offers()), Categories.join(row.needs())));
        }
        if (writes.isEmpty()) {
            return new Counts(0, 0, batch.size() - refused);
        }
        batches.run(CustomerMapper.class, statements -> writes.forEach(statements::upsert));
        if (!reowned.isEmpty()) {
            ownersChanged.fire(new CustomerOwnersChanged(reowned)); // their open calls follow them once this commits
        }
        referred(referred);
        return new Counts(created, writes.size() - created, batch.size() - refused - writes.size());
    }

    private static String upper(String externalId) {
        return externalId.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The referrers the rows name that exist: stored, or among the rows (which are all written in this batch's
     * transaction), in upper case, as ids compare in SQL.
     */
    private Set<String> referrersKnown(List<Parsed<CustomerRow>> rows) {
        Set<String> named = new HashSet<>();
        rows.forEach(p -> {
            if (p.row().referredBy() != null) {
                named.add(p.row().referredBy());
            }
        });
        Set<String> known = new HashSet<>();
        if (!named.isEmpty()) {
            mapper.findStored(named).forEach(s -> known.add(upper(s.externalId())));
            rows.forEach(p -> known.add(upper(p.row().externalId())));
        }
        return known;
    }

    /** Tells who recommended the new customers that name a referrer, in this batch's transaction. */
    private void referred(List<CustomerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.externalId());
            ids.add(r.referredBy());
        });
        Map<String, Long> idOf = new HashMap<>();
        mapper.findStored(ids).forEach(s -> idOf.put(upper(s.externalId()), s.id()));
        for (CustomerRow r : rows) {
            Long referrer = idOf.get(upper(r.referredBy()));
            if (referrer != null) { // null: the referrer's own row in this batch was refused, and says why
                referredEvents.fire(new CustomerReferred(idOf.get(upper(r.externalId())), referrer, r.displayName(), r.email()));
            }
        }
    }

    /**
     * Removes from {@code rows} those whose address is on the suppression list (one query), each reported by line only:
     * the report must not name a person who asked to be forgotten. Returns how many.
     */
    private int refuseSuppressed(List<Parsed<CustomerRow>> rows, Consumer<Rejection> reject) {
        Set<String> suppressed = suppression.suppressed(rows.stream().map(p -> p.row().email()).filter(Objects::nonNull).toList());
        if (suppressed.isEmpty()) {
            return 0;
        }
        int before = rows.size();
        rows.removeIf(p -> {
            boolean refused = p.row().email() != null && suppressed.contains(p.row().email());
            if (refused) {
                reject.accept(new Rejection(p.line(), "email", null, SUPPRESSED));
            }
            return refused;
        });
        return before - rows.size();
    }

    private boolean refusedForGoneCode(Parsed<CustomerRow> p, String column, List<String> codes, Set<String> existing,
                                       Consumer<Rejection> reject) {
        for (String code : codes) {
            if (!existing.contains(code)) {
                reject.accept(new Rejection(p.line(), column, code, "category code deleted or merged while the file was "
                        + "imported; " + categoryService.taxonomy().unknownCodeReason(code)));
                return true;
            }
        }
        return false;
    }

}
