package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.security.Scope;
import org.rapport.platform.web.ApiException;

import java.time.Instant;
import java.util.List;

/** Customers as the rest of Rapport sees them, always through the caller's scope. */
@ApplicationScoped
public class CustomerService {

    static final int RECENT_TOUCHES = 10;

    @Inject
    CustomerMapper mapper;

    /**
     * The database id of a customer the scope may see. Someone else's customer is 403 (the caller is authenticated and
     * the id is real, but not theirs); an unknown id is 404.
     */
    public long requireVisible(Scope scope, String externalId) {
        return mapper.findVisible(scope, externalId).map(CustomerMapper.Stored::id).orElseThrow(() -> invisible(externalId));
    }

    /** Why the scope found nothing: the customer is someone else's (403) or does not exist (404). */
    private ApiException invisible(String externalId) {
        return mapper.exists(externalId)
                ? ApiException.forbidden("Customer " + externalId + " belongs to another salesperson.")
                : ApiException.notFound("There is no customer " + externalId + ".");
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

    /** The salesperson who owns the customer, if any. */
    public java.util.Optional<Long> ownerOf(long customerId) {
        return mapper.findOwnerId(customerId);
    }

    public List<CustomerSummary> search(Scope scope, String owner, Tier tier, String q, int limit, int offset) {
        return mapper.search(scope, owner, tier, q == null || q.isBlank() ? null : likePattern(q.strip()), limit, offset);
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards escaped. */
    static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public CustomerDetail detail(Scope scope, String externalId) {
        CustomerDetail.Fields fields = mapper.findDetail(scope, externalId).orElseThrow(() -> invisible(externalId));
        Consent consent = mapper.findConsent(fields.id()).orElseThrow().toConsent();
        return CustomerDetail.of(fields, consent, mapper.findRecentTouches(fields.id(), RECENT_TOUCHES), mapper.findOpenProblems(fields.id()));
    }

    /** A two-way touch (reached, visit, reply) restarts the customer's cadence clock. */
    @Transactional
    public void twoWayTouchHappened(long customerId, Instant at) {
        mapper.recordTwoWayTouch(customerId, at);
    }
}
