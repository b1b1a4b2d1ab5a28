package org.rapport.customers;

import org.rapport.platform.database.JdbcColumns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The {@code consentColumns} of {@code CustomerMapper.xml} mapped flat, for reads of many customers: a row class of
 * such a statement extends this class and MyBatis fills these fields by name. One row, one {@link Consent}, through the
 * same conversion as the {@code consent} result map ({@link Consent#of}). Why not nest that result map here too: at a
 * million rows MyBatis's nested-result path (a key over the nine columns per row, each column read twice, a
 * constructor called by reflection) took three quarters of the nightly plan's CPU (JFR, 3 December 2026).
 */
public class ConsentColumns {

    boolean consentDoNotContact;
    boolean consentEmailOk;
    String consentEmail;
    Instant consentUnsubscribedAt;
    String consentUnsubscribedVia;
    String consentStoppedPurposes;
    Instant consentPurposesStoppedAt;
    Instant consentEmailBouncingAt;
    boolean consentIntroOk;

    /** What the customer of this row lets us do. */
    public Consent consent() {
        return Consent.of(consentDoNotContact, consentEmailOk, consentEmail, consentUnsubscribedAt, consentUnsubscribedVia,
                consentStoppedPurposes, consentPurposesStoppedAt, consentEmailBouncingAt, consentIntroOk);
    }

    /** The labels of {@code consentColumns}, in the fragment's order. */
    public static final List<String> LABELS = List.of("consent_do_not_contact", "consent_email_ok", "consent_email",
            "consent_unsubscribed_at", "consent_unsubscribed_via", "consent_stopped_purposes", "consent_purposes_stopped_at",
            "consent_email_bouncing_at", "consent_intro_ok");

    /**
     * Fills these fields from a plain JDBC row whose columns from {@code first} on are {@code consentColumns} (checked
     * once per result with {@link JdbcColumns#require} and {@link #LABELS}): what MyBatis does by name, without its
     * reflection, for the planner's million rows.
     */
    protected final void readConsent(ResultSet rs, int first) throws SQLException {
        consentDoNotContact = rs.getBoolean(first);
        consentEmailOk = rs.getBoolean(first + 1);
        consentEmail = rs.getString(first + 2);
        consentUnsubscribedAt = JdbcColumns.instant(rs, first + 3);
        consentUnsubscribedVia = rs.getString(first + 4);
        consentStoppedPurposes = rs.getString(first + 5);
        consentPurposesStoppedAt = JdbcColumns.instant(rs, first + 6);
        consentEmailBouncingAt = JdbcColumns.instant(rs, first + 7);
        consentIntroOk = rs.getBoolean(first + 8);
    }
}
