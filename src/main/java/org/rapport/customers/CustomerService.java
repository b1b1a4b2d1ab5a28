package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.errors.CustomerNotFound;
import org.rapport.platform.errors.DomainException;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.security.Access;

import java.time.Instant;
import java.util.List;

/** Customers as the rest of Rapport sees them, always through the caller's {@link Access}. */
@ApplicationScoped
public class CustomerService {

    static final int RECENT_TOUCHES = 10;

    @Inject
    CustomerMapper mapper;

    /**
     * The database id of a customer the caller reaches. Someone else's customer is {@link NotAllowed} (the caller is
     * authenticated and the id is real, but not theirs); an unknown id is {@link CustomerNotFound}.
     */
    public long requireVisible(Access access, String externalId) {
        return mapper.findVisible(access, externalId).map(CustomerMapper.Stored::id).orElseThrow(() -> invisible(externalId));
    }

    /**
     * Guards a change to a stored record ({@code what}, such as "purchase P-1") that belongs to customer
     * {@code customerId}: a record of a customer outside the caller's reach is never moved or changed by them.
     */
    public void requireReachable(Access access, long customerId, String what) {
        if (!access.isEverything() && !mapper.reaches(access, customerId)) {
            throw new NotAllowed(what + " belongs to a customer who is not yours; nothing was changed.");
        }
    }

    /** Why the caller's access found nothing: the customer is someone else's (403) or does not exist (404). */
    private DomainException invisible(String externalId) {
        return mapper.exists(externalId)
                ? new NotAllowed("Customer " + externalId + " belongs to another salesperson.")
                : new CustomerNotFound(externalId);
    }

    public long count() {
        return mapper.count();
    }

    /** external id → database id for the customers among {@code externalIds} that exist (imports run as admin). */
    public java.util.Map<String, Long> idsOf(java.util.Collection<String> externalIds) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        if (!externalIds.isEmpty()) {
            mapper.findStored(externalIds).forEach(s -> ids.put(s.externalId(), s.id()));
        }
        return ids;
    }

    /** The customer was erased (privacy): the row stays for the reports; nothing is proposed for them any more. */
    public boolean erased(long customerId) {
        return mapper.erased(customerId);
    }

    /** The salesperson who owns the customer, if any. */
    public java.util.Optional<Long> ownerOf(long customerId) {
        return mapper.findOwnerId(customerId);
    }

    public List<CustomerSummary> search(Access access, String owner, Tier tier, String q, int limit, int offset) {
        return mapper.search(access, owner, tier, q == null || q.isBlank() ? null : likePattern(q.strip()), limit, offset);
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards escaped. */
    static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public CustomerDetail detail(Access access, String externalId) {
        CustomerDetail.Fields fields = mapper.findDetail(access, externalId).orElseThrow(() -> invisible(externalId));
        Consent consent = mapper.findConsent(fields.id()).orElseThrow();
        return CustomerDetail.of(fields, consent, mapper.findRecentTouches(fields.id(), RECENT_TOUCHES), mapper.findOpenProblems(fields.id()));
    }

    /** A two-way touch (reached, visit, reply) restarts the customer's cadence clock. */
    @Transactional
    public void twoWayTouchHappened(long customerId, Instant at) {
        mapper.recordTwoWayTouch(customerId, at);
    }
}
