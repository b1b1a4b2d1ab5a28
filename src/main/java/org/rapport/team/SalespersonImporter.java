package org.rapport.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.imports.Hashed;
import org.rapport.imports.ImportHash;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;
import org.rapport.platform.database.Batches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@code POST /api/import/salespeople}: the team, with managers and backups that may refer to rows later in the file. */
@ApplicationScoped
public class SalespersonImporter implements RowImporter<Salesperson> {

    private static final Set<String> COLUMNS = Set.of("external_id", "name", "email", "time_zone", "region",
            "daily_capacity", "working_days", "role", "manager", "backup");

    @Inject
    SalespersonMapper mapper;

    @Override
    public String kind() {
        return "salespeople";
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("external_id", "name", "time_zone");
    }

    @Override
    public int batchSize() {
        return 100_000; // a team is small; its rows are resolved against each other
    }

    @Override
    public Salesperson parse(Row row) {
        WorkingDays days = null;
        String daysText = row.text("working_days", 40);
        try {
            days = WorkingDays.parse(daysText == null ? "MON-FRI" : daysText);
        } catch (IllegalArgumentException e) {
            row.reject("working_days", daysText, e.getMessage() + " (write e.g. MON-FRI or MON,WED,FRI)");
        }
        Salesperson s = new Salesperson(row.externalId("external_id"), row.required("name", 200), row.email("email"),
                row.zoneId("time_zone"), row.region("region"), capacity(row), days,
                row.choice("role", TeamRole.class, TeamRole.SALES), row.text("manager", 64), row.text("backup", 64));
        if (s.externalId() != null && s.externalId().equals(s.backup())) {
            row.reject("backup", s.backup(), "a salesperson cannot be their own backup");
        }
        if (s.externalId() != null && s.externalId().equals(s.manager())) {
            row.reject("manager", s.manager(), "a salesperson cannot be their own manager");
        }
        return row.valid() ? s : null;
    }

    /** The daily capacity given; none (or 0) leaves it to the rule {@code capacity.default_daily}: stored as NULL. */
    private static Integer capacity(Row row) {
        if (row.value("daily_capacity").isEmpty()) {
            return null;
        }
        Integer n = row.integer("daily_capacity", 0, 500, 0);
        return n == null || n == 0 ? null : n;
    }

    @Override
    public String externalId(Salesperson row) {
        return row.externalId();
    }

    @Override
    @Transactional
    public Counts store(List<Parsed<Salesperson>> batch, Consumer<Rejection> reject) {
        List<Parsed<Salesperson>> valid = withKnownLinks(batch, reject);
        if (valid.isEmpty()) {
            return Counts.NONE;
        }
        Map<String, byte[]> stored = new HashMap<>();
        for (List<Parsed<Salesperson>> chunk : chunks(valid)) {
            mapper.findByExternalIds(chunk.stream().map(p -> p.row().externalId()).toList())
                    .forEach(s -> stored.put(s.externalId(), s.importHash()));
        }
        long created = 0;
        long updated = 0;
        List<Hashed<Salesperson>> changed = new ArrayList<>();
        for (Parsed<Salesperson> p : valid) {
            byte[] hash = hash(p.row());
            byte[] before = stored.get(p.row().externalId());
            if (before == null) {
                created++;
            } else if (!Arrays.equals(before, hash)) {
                updated++;
            } else {
                continue;
            }
            changed.add(new Hashed<>(p.row(), hash));
        }
        for (int i = 0; i < changed.size(); i += 500) {
            mapper.upsert(changed.subList(i, Math.min(changed.size(), i + 500)));
        }
        Map<String, Long> ids = new HashMap<>();
        mapper.findAllRefs().forEach(r -> ids.put(r.externalId(), r.id()));
        for (Hashed<Salesperson> h : changed) {
            Salesperson s = h.row();
            mapper.updateLinks(ids.get(s.externalId()), s.manager() == null ? null : ids.get(s.manager()),
                    s.backup() == null ? null : ids.get(s.backup()));
        }
        return new Counts(created, updated, valid.size() - created - updated);
    }

    /** Drops rows whose manager or backup is neither stored nor a valid row of this file, until none is left. */
    private List<Parsed<Salesperson>> withKnownLinks(List<Parsed<Salesperson>> batch, Consumer<Rejection> reject) {
        Set<String> storedIds = new HashSet<>();
        mapper.findAllRefs().forEach(r -> storedIds.add(r.externalId()));
        List<Parsed<Salesperson>> valid = new ArrayList<>(batch);
        boolean dropped = true;
        while (dropped) {
            Set<String> known = new HashSet<>(storedIds);
            valid.forEach(p -> known.add(p.row().externalId()));
            dropped = valid.removeIf(p -> {
                Salesperson s = p.row();
                if (s.manager() != null && !known.contains(s.manager())) {
                    reject.accept(new Rejection(p.line(), "manager", s.manager(), "unknown salesperson external_id"));
                    return true;
                }
                if (s.backup() != null && !known.contains(s.backup())) {
                    reject.accept(new Rejection(p.line(), "backup", s.backup(), "unknown salesperson external_id"));
                    return true;
                }
                return false;
            });
        }
        return valid;
    }

    private static byte[] hash(Salesperson s) {
        return ImportHash.of(s.externalId(), s.name(), s.email(), s.timeZone(), s.region(), s.dailyCapacity(),
                s.workingDays().text(), s.role(), s.manager(), s.backup());
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        return Batches.chunks(list, 1000);
    }
}
