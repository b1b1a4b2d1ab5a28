package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerMapper.Stored;
import org.rapport.customers.CustomerMapper.Write;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;
import org.rapport.platform.database.Batches;
import org.rapport.team.TeamService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@code POST /api/import/customers}: upsert by external_id, batch by batch. */
@ApplicationScoped
public class CustomerImporter implements RowImporter<CustomerRow> {

    private static final Set<String> COLUMNS = Set.of("external_id", "company", "contact_first_name", "contact_last_name",
            "preferred_name", "email", "phone", "time_zone", "locale", "region", "industry", "offers", "needs", "owner",
            "tier", "customer_since", "annual_revenue", "email_ok", "intro_ok", "do_not_contact", "preferences",
            "personal_notes");

    @Inject
    CustomerMapper mapper;

    @Inject
    TeamService team;

    @Inject
    Batches batches;

    /** Loaded once per import by {@link #prepare()}; both are small. */
    private volatile Set<String> categories = Set.of();
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
        categories = Set.copyOf(mapper.findCategoryCodes());
        owners = team.idsByExternalId();
    }

    @Override
    public CustomerRow parse(Row row) {
        CustomerRow c = new CustomerRow(row.externalId("external_id"), row.required("company", 200),
                row.text("contact_first_name", 100), row.text("contact_last_name", 100), row.text("preferred_name", 100),
                row.email("email"), row.phone("phone"), row.zoneId("time_zone"), row.locale("locale", "en"),
                row.region("region"), row.text("industry", 100), row.codes("offers", categories),
                row.codes("needs", categories), row.text("owner", 64), row.choice("tier", Tier.class, null),
                row.date("customer_since"), row.money("annual_revenue", false), Boolean.TRUE.equals(row.bool("email_ok", true)),
                Boolean.TRUE.equals(row.bool("intro_ok", false)), Boolean.TRUE.equals(row.bool("do_not_contact", false)),
                row.text("preferences", 4000), row.text("personal_notes", 4000));
        if (c.owner() != null && !owners.containsKey(c.owner())) {
            row.reject("owner", c.owner(), "unknown salesperson external_id (import salespeople first)");
        }
        return row.valid() ? c : null;
    }

    @Override
    public String externalId(CustomerRow row) {
        return row.externalId();
    }

    @Override
    @Transactional
    public Counts store(List<Parsed<CustomerRow>> batch, Consumer<Rejection> reject) {
        Map<String, Stored> stored = new HashMap<>();
        mapper.findStored(batch.stream().map(p -> p.row().externalId()).toList())
                .forEach(s -> stored.put(s.externalId(), s));
        List<Write> writes = new ArrayList<>();
        long created = 0;
        for (Parsed<CustomerRow> p : batch) {
            CustomerRow row = p.row();
            byte[] hash = row.importHash();
            Stored before = stored.get(row.externalId());
            if (before != null && Arrays.equals(before.importHash(), hash)) {
                continue;
            }
            if (before == null) {
                created++;
            }
            writes.add(new Write(row, row.owner() == null ? null : owners.get(row.owner()), hash,
                    Categories.join(row.offers()), Categories.join(row.needs())));
        }
        if (writes.isEmpty()) {
            return new Counts(0, 0, batch.size());
        }
        batches.run(CustomerMapper.class, statements -> writes.forEach(statements::upsert));
        return new Counts(created, writes.size() - created, batch.size() - writes.size());
    }

}
