package org.rapport.referrals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerReferred;
import org.rapport.customers.CustomerService;
import org.rapport.planning.PlanningService;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.AuthenticatedUser;

import org.rapport.platform.errors.TooManyRequests;
import org.rapport.suppression.AddressSuppressed;
import org.rapport.suppression.SuppressionList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prospects recommended by customers: each is a lead on the referring customer's salesperson's call list ("Acme
 * recommended Jane Roe at Foo GmbH"), and a prospect who becomes a customer credits the referrer
 * ({@link ReferralConverted}).
 */
@ApplicationScoped
public class ReferralService {

    static final int LIST_LIMIT = 500;
    /** Recommendations one customer may send through their form in 24 hours. */
    public static final int FORM_PER_DAY = 5;

    @Inject
    ReferralMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    PlanningService planning;

    @Inject
    Clock clock;

    @Inject
    Event<ReferralConverted> converted;

    @Inject
    SuppressionList suppression;

    /**
     * A salesperson (or admin) records a recommendation by a customer they reach.
     *
     * @throws AddressSuppressed when the prospect's address is on the suppression list: nothing is recorded
     */
    @Transactional
    public Referral recommend(AuthenticatedUser user, ReferralRequest request) {
        request.requireValid();
        long referrerId = customers.requireVisible(user.access(), request.customer.strip());
        if (suppression.contains(request.email)) {
            throw new AddressSuppressed("email");
        }
        long id = record(referrerId, request, "API", user.username());
        return mapper.findVisible(Access.EVERYTHING, id).orElseThrow();
    }

    /**
     * The referring customer themselves, through the signed link of a thank-you note: at most
     * {@link #FORM_PER_DAY} a day, as a link forwarded or leaked must not flood the salesperson's list. A prospect whose
     * address is on the suppression list is neither recorded nor put on a call list, and the customer is thanked as
     * for any other: they are not told that someone asked to be forgotten.
     *
     * @throws TooManyRequests when the customer's form was used that often in the last 24 hours
     */
    @Transactional
    public void recommendedByCustomer(long referrerId, ReferralRequest request) {
        request.requireValid();
        Instant now = clock.instant();
        mapper.lockReferrer(referrerId); // one form answer of this customer at a time: the count below holds
        if (mapper.countFromForm(referrerId, now.minus(Duration.ofDays(1))) >= FORM_PER_DAY) {
            throw new TooManyRequests("At most " + FORM_PER_DAY + " recommendations a day can be sent through this form.",
                    Duration.ofHours(1));
        }
        if (suppression.contains(request.email)) {
            return;
        }
        record(referrerId, request, "FORM", "customer:" + mapper.externalIdOf(referrerId));
    }

    public List<Referral> list(Access access, String referrer) {
        return mapper.listVisible(access, referrer, LIST_LIMIT);
    }

    private long record(long referrerId, ReferralRequest request, String source, String createdBy) {
        ReferralMapper.NewReferral referral = new ReferralMapper.NewReferral(referrerId, request.name.strip(),
                ReferralRequest.stripped(request.company), ReferralRequest.stripped(request.email),
                ReferralRequest.stripped(request.phone), ReferralRequest.stripped(request.note), source, createdBy,
                clock.instant());
        mapper.insert(referral);
        planning.referralLead(referrerId, referral.id, lead(mapper.companyOf(referrerId), referral));
        return referral.id;
    }

    /** "Acme recommended Jane Roe at Foo GmbH: +49 30 1234, jane@foo.example", cut to fit. */
    static String lead(String referrerCompany, ReferralMapper.NewReferral r) {
        StringBuilder reason = new StringBuilder(referrerCompany).append(" recommended ").append(r.name);
        if (r.company != null) {
            reason.append(" at ").append(r.company);
        }
        reason.append(":");
        if (r.phone != null) {
            reason.append(' ').append(r.phone);
        }
        if (r.email != null) {
            reason.append(r.phone != null ? ", " : " ").append(r.email);
        }
        return reason.toString(); // PlanningService fits it to the reason column
    }

    /** A customer imported with referred_by (in the import's transaction). */
    void referred(@Observes CustomerReferred referred) {
        credit(referred.referrerId(), referred.customerId(), referred.name(), referred.email());
    }

    /**
     * Customer {@code customerId} was created with {@code referred_by} naming {@code referrerId}: the referral of that
     * prospect (by email address) is converted, or one is recorded when the salesperson never entered it. Once per
     * customer: importing them again credits nobody twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void credit(long referrerId, long customerId, String name, String email) {
        if (referrerId == customerId || mapper.converted(customerId)) {
            return;
        }
        Instant now = clock.instant();
        Long id = email == null ? null : mapper.openByEmail(referrerId, email).orElse(null);
        if (id == null) {
            ReferralMapper.NewReferral referral = new ReferralMapper.NewReferral(referrerId, name, null, email, null, null,
                    "IMPORT", "import", now);
            mapper.insert(referral);
            id = referral.id;
        }
        mapper.convert(id, customerId, now);
        planning.referralSettled(id, "the prospect became a customer");
        converted.fire(new ReferralConverted(id, referrerId, customerId));
    }
}
