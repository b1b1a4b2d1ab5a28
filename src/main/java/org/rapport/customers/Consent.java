package org.rapport.customers;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a customer lets Rapport do, and the one contact rule: do-not-contact blocks every channel; email needs the
 * imported {@code email_ok}, an address, no unsubscribe, no bounce, and the purpose not stopped; introductions also
 * need the imported {@code intro_ok}. The planner, the
 * outbox (again at the moment of sending) and the customer view all ask this value. Only {@link ConsentService}
 * changes what the customer decides (unsubscribe, purposes) and what their mail server says (bounces); the import
 * writes the flags the CRM owns ({@code email_ok}, {@code intro_ok}, {@code do_not_contact}).
 *
 * @param emailOk             the CRM's "email allowed"
 * @param hasAddress          an email address is on file
 * @param unsubscribedVia     how: {@code one-click}, {@code page}, {@code mailto} or {@code preferences}
 * @param purposesStoppedAt   when the customer last chose which purposes to keep
 * @param bouncingSince       the first bounce since the address was last changed
 * @param openToIntroductions the CRM's "open to introductions"
 */
public record Consent(boolean doNotContact, boolean emailOk, boolean hasAddress, Instant unsubscribedAt,
                      String unsubscribedVia, Set<Purpose> stoppedPurposes, Instant purposesStoppedAt,
                      Instant bouncingSince, boolean openToIntroductions) {

    /**
     * Why an email is sent; the customer keeps or stops each purpose on the unsubscribe page. New purposes go at the end,
     * as in the {@code stopped_purposes} SET column.
     */
    public enum Purpose {
        THANK_YOU, CHECK_IN, INTRODUCTION, REWARD, POLLS;

        /** Parses a purpose as written in forms and the API ({@code thank_you}, {@code THANK-YOU}). */
        public static Purpose parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** The purposes in a {@code SET} column value ({@code "CHECK_IN,REWARD"}, or empty). */
        public static Set<Purpose> parseAll(String column) {
            Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
            if (column != null && !column.isBlank()) {
                Arrays.stream(column.split(",")).map(Purpose::parse).forEach(purposes::add);
            }
            return purposes;
        }
    }

    public Consent {
        // an enum set: the view lists the purposes in their declared order
        Set<Purpose> stopped = EnumSet.noneOf(Purpose.class);
        stopped.addAll(stoppedPurposes);
        stoppedPurposes = Collections.unmodifiableSet(stopped);
    }

    /** The state as the stored columns hold it ({@code stopped_purposes} is a {@code SET} column). */
    public static Consent of(boolean doNotContact, boolean emailOk, String email, Instant unsubscribedAt, String unsubscribedVia,
                             String stoppedPurposes, Instant purposesStoppedAt, Instant bouncingSince, boolean introOk) {
        return new Consent(doNotContact, emailOk, email, unsubscribedAt, unsubscribedVia, stoppedPurposes, purposesStoppedAt,
                bouncingSince, introOk);
    }

    /**
     * The one way from the stored columns to the value: {@link #of} and MyBatis (the {@code consent} result map in
     * {@code CustomerMapper.xml}, which every statement reading consent maps through) both come here.
     */
    private Consent(boolean doNotContact, boolean emailOk, String email, Instant unsubscribedAt, String unsubscribedVia,
                    String stoppedPurposes, Instant purposesStoppedAt, Instant bouncingSince, boolean introOk) {
        this(doNotContact, emailOk, email != null && !email.isBlank(), unsubscribedAt, unsubscribedVia,
                Purpose.parseAll(stoppedPurposes), purposesStoppedAt, bouncingSince, introOk);
    }

    /** Why the customer must not be called or visited, or empty when they may be. */
    public Optional<String> blocksCalls() {
        return doNotContact ? Optional.of("the customer is marked do-not-contact") : Optional.empty();
    }

    /** Why the customer must not get an email of this purpose, or empty when it may go. */
    public Optional<String> blocksEmail(Purpose purpose) {
        if (doNotContact) {
            return Optional.of("the customer is marked do-not-contact");
        }
        if (unsubscribedAt != null) {
            return Optional.of("the customer unsubscribed");
        }
        if (!emailOk) {
            return Optional.of("the customer does not accept email (email_ok is false)");
        }
        if (stoppedPurposes.contains(purpose)) {
            return Optional.of("the customer stopped emails of the purpose " + purpose);
        }
        if (purpose == Purpose.INTRODUCTION && !openToIntroductions) {
            // the CRM's intro_ok: no introduction, and no request to consent to one, to a customer who said no
            return Optional.of("the customer is not open to introductions (intro_ok is false)");
        }
        if (bouncingSince != null) {
            return Optional.of("the customer's address bounces");
        }
        if (!hasAddress) {
            return Optional.of("the customer has no email address");
        }
        return Optional.empty();
    }

    /**
     * Why the customer must not get an email they asked for (an answer to their request), or empty: only do-not-contact
     * and an address that cannot receive it stop it; an unsubscribe or a stopped purpose is about outreach.
     */
    public Optional<String> blocksRequestedEmail() {
        if (doNotContact) {
            return Optional.of("the customer is marked do-not-contact");
        }
        if (bouncingSince != null) {
            return Optional.of("the customer's address bounces");
        }
        if (!hasAddress) {
            return Optional.of("the customer has no email address");
        }
        return Optional.empty();
    }

    /**
     * The SPEC's "while a problem is open, or a problem follow-up is due, only problem-related touches", for email: why
     * an outreach email must wait out the problem, or empty. {@code problemPending} is the {@code problemPending}
     * predicate of {@code CustomerMapper.xml} (a problem of the customer is open, or a follow-up call of one is still to
     * be made, however long past its due-by date); the sender and the sweep after a problem opens both ask here, and
     * the planner holds to the same condition (its customer page reads the predicate's {@code followUpPending} half).
     *
     * @param problemRelated whether the email is about the problem (its follow-up, its check-in)
     */
    public static Optional<String> blocksDuringProblem(boolean problemPending, boolean problemRelated) {
        return problemPending && !problemRelated
                ? Optional.of("a problem of the customer is open or its follow-up is due: only problem-related email")
                : Optional.empty();
    }

    public boolean mayCall() {
        return blocksCalls().isEmpty();
    }

    public boolean mayEmail(Purpose purpose) {
        return blocksEmail(purpose).isEmpty();
    }

    /** Whether a purpose is still kept (the unsubscribe page ticks it): not unsubscribed and not stopped. */
    public boolean keeps(Purpose purpose) {
        return unsubscribedAt == null && !stoppedPurposes.contains(purpose);
    }
}
