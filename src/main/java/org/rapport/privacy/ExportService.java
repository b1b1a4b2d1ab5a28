package org.rapport.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.mail.RenderedMail;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.CustomerNotFound;
import org.rapport.platform.security.Access;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Everything Rapport holds about one customer (GDPR Article 15), for an admin. Messages are shown as sent: Rapport
 * keeps no copy, so each is rendered again from its stored fields as the outbox page shows it, the customer's signed
 * links left out ({@link OutboxService#rendering}).
 */
@ApplicationScoped
public class ExportService {

    @Inject
    ExportMapper mapper;

    @Inject
    OutboxService outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Read-only, in one transaction; at READ COMMITTED each section is read as committed when it is read, so a change
     * committed meanwhile can show in a later section only. A message that cannot be rendered says why.
     */
    @Transactional(dontRollbackOn = Conflict.class)
    public CustomerExport export(String externalId) {
        long id = mapper.customerId(externalId).orElseThrow(() -> new CustomerNotFound(externalId));
        Map<ExportSection, List<Map<String, Object>>> sections = new EnumMap<>(ExportSection.class);
        for (ExportSection section : ExportSection.values()) {
            sections.put(section, ExportRows.of(section, read(section).apply(id)));
        }
        sections.put(ExportSection.MESSAGES, sections.get(ExportSection.MESSAGES).stream().map(this::rendered).toList());
        audit.record(AuditKind.CUSTOMER_EXPORTED, Subject.of("customer", id), Change.NONE); // the id: the trail holds nothing an erasure would remove
        return new CustomerExport(externalId, clock.instant().truncatedTo(ChronoUnit.MILLIS), sections);
    }

    private LongFunction<List<Map<String, Object>>> read(ExportSection section) {
        return switch (section) {
            case CUSTOMER -> mapper::customer;
            case CATEGORIES -> this::categories;
            case CONSENT -> mapper::consent;
            case CONSENT_HISTORY -> mapper::consentHistory;
            case TOUCHES -> mapper::touches;
            case PLANNED_TOUCHES -> mapper::plannedTouches;
            case MESSAGES -> mapper::messages;
            case CLICKS -> mapper::clicks;
            case REPLIES -> mapper::replies;
            case RATINGS -> mapper::ratings;
            case INTRODUCTIONS -> mapper::introductions;
            case INTRODUCTION_EVENTS -> mapper::introductionEvents;
            case REWARDS -> mapper::rewards;
            case REWARD_ENTRIES -> mapper::rewardEntries;
            case REFERRALS -> mapper::referrals;
            case PURCHASES -> mapper::purchases;
            case PROBLEMS -> mapper::problems;
            case DATA_REQUESTS -> mapper::dataRequests;
            case POLLS -> mapper::polls;
            case POLL_ANSWERS -> mapper::pollAnswers;
        };
    }

    /** One row per code the customer offers or needs, with the category's name. */
    private List<Map<String, Object>> categories(long id) {
        Map<String, Object> codes = mapper.categoryCodes(id);
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        byKind.put("OFFERS", codesOf(codes.get("offers")));
        byKind.put("NEEDS", codesOf(codes.get("needs")));
        List<String> all = byKind.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, Object> names = new LinkedHashMap<>();
        if (!all.isEmpty()) {
            mapper.categoryNames(all).forEach(row -> names.put((String) row.get("code"), row.get("name")));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byKind.forEach((kind, list) -> list.forEach(code -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", kind);
            row.put("code", code);
            row.put("name", names.get(code));
            rows.add(row);
        }));
        return rows;
    }

    private static List<String> codesOf(Object column) {
        return column == null || column.toString().isEmpty() ? List.of() : List.of(column.toString().split(";"));
    }

    private Map<String, Object> rendered(Map<String, Object> message) {
        Map<String, Object> shown = new LinkedHashMap<>(message);
        try {
            RenderedMail mail = outbox.rendering(Access.EVERYTHING, ((Number) message.get("id")).longValue());
            shown.put("rendered_subject", mail.subject());
            shown.put("rendered_text", mail.text());
            shown.put("rendered_html", mail.html());
        } catch (Conflict e) {
            shown.put("rendering_error", e.getMessage());
        }
        return shown;
    }
}
