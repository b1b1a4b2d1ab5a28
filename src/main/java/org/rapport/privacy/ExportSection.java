package org.rapport.privacy;

import java.util.List;
import java.util.Locale;

/**
 * The sections of a customer's export, each with its columns (the JSON keys, the CSV header) and the tables it reads.
 * The columns are those {@code ExportMapper.xml} selects for the section, in order; a row with a column not listed here
 * fails the export ({@link ExportRows}), so the two stay one list.
 */
public enum ExportSection {
    CUSTOMER(List.of("customer"), "external_id", "company", "contact_first_name", "contact_last_name", "preferred_name",
            "email", "phone", "time_zone", "locale", "region", "industry", "owner", "tier", "tier_pin", "revenue_12m",
            "customer_since", "annual_revenue", "preferences", "personal_notes", "last_two_way_touch_at", "created_at",
            "updated_at", "erased_at"),
    CATEGORIES(List.of("customer", "category"), "kind", "code", "name"),
    CONSENT(List.of("customer"), "email_ok", "intro_ok", "do_not_contact", "unsubscribed_at", "unsubscribed_via",
            "stopped_purposes", "purposes_stopped_at", "email_bouncing_at"),
    CONSENT_HISTORY(List.of("mail_response"), "kind", "occurred_at", "detail", "message"),
    TOUCHES(List.of("touch"), "id", "kind", "outcome", "two_way", "occurred_at", "salesperson", "note", "created_by",
            "created_at"),
    PLANNED_TOUCHES(List.of("planned_touch"), "id", "rule", "channel", "status", "due_on", "due_by", "reason", "outcome",
            "note", "salesperson", "created_at", "closed_at"),
    MESSAGES(List.of("outbox_message"), "id", "template", "purpose", "status", "recipient", "subject", "created_at",
            "sent_at", "closed_at", "last_error", "rendered_subject", "rendered_text", "rendered_html", "rendering_error"),
    CLICKS(List.of("mail_response"), "message", "occurred_at", "detail"),
    REPLIES(List.of("mail_response"), "kind", "message", "occurred_at", "detail"),
    RATINGS(List.of("mail_response"), "message", "occurred_at", "score"),
    INTRODUCTIONS(List.of("introduction"), "id", "side", "other_company", "stage", "stage_since", "explanation",
            "proposed_at", "introduced_at", "deal_value", "deal_currency"),
    INTRODUCTION_EVENTS(List.of("introduction_event"), "introduction", "kind", "stage_from", "stage_to", "occurred_at"),
    REWARDS(List.of("reward"), "id", "kind", "subject", "value", "currency", "reason", "status", "proposed_at"),
    REWARD_ENTRIES(List.of("reward_entry"), "reward", "kind", "status", "value_change", "at", "reason", "given",
            "description"),
    REFERRALS(List.of("referral"), "id", "role", "prospect_name", "prospect_company", "prospect_email", "prospect_phone",
            "note", "source", "referrer_company", "created_at", "converted_at"),
    PURCHASES(List.of("purchase"), "external_id", "purchased_on", "amount", "currency", "description", "created_at"),
    PROBLEMS(List.of("problem"), "external_id", "opened_at", "resolved_at", "severity", "category", "summary",
            "resolution", "reopened"),
    DATA_REQUESTS(List.of("data_request"), "id", "kind", "status", "requested_at", "handled_at"),
    POLLS(List.of("poll_recipient"), "poll", "title", "selected_at", "answered_at", "message"),
    POLL_ANSWERS(List.of("poll_answer"), "poll", "position", "question", "score", "choice", "text", "via", "answered_at");

    private final List<String> tables;
    private final List<String> columns;

    ExportSection(List<String> tables, String... columns) {
        this.tables = tables;
        this.columns = List.of(columns);
    }

    public List<String> tables() {
        return tables;
    }

    public List<String> columns() {
        return columns;
    }

    /** The section's key in the JSON and its file name in the zip: {@code planned_touches}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
