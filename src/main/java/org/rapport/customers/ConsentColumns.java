package org.rapport.customers;

import java.time.Instant;

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
}
