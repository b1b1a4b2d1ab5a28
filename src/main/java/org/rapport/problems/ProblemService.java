package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.ConsentService;
import org.rapport.customers.CustomerService;
import org.rapport.imports.ForCustomer;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.security.Access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Problems from the help desk: opened and resolved through the API, or imported. */
@ApplicationScoped
public class ProblemService {

    @Inject
    ProblemMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    ConsentService consent;

    @Inject
    Clock clock;

    @Inject
    ProblemEvents events;

    /**
     * Creates or updates a problem (idempotent by external_id) for a customer the caller may see. A problem stays with its
     * customer: one of a customer outside the caller's reach is refused as such, one of another of their customers is a
     * conflict. Opening one (new and open, or resolved and opened again) holds the customer row first, so the answer
     * comes once no email the problem rule stops can still leave (ADR 0003).
     */
    @Transactional
    public Problem record(Access access, ProblemRequest request) {
        Problem problem = request.toProblem();
        long customerId = customers.requireVisible(access, problem.customer());
        List<ProblemMapper.Stored> before = mapper.findStored(List.of(problem.externalId()));
        if (!before.isEmpty() && before.get(0).customerId() != customerId) {
            customers.requireReachable(access, before.get(0).customerId(), "external_id: problem " + problem.externalId());
            throw new Conflict("external_id: problem " + problem.externalId() + " belongs to another customer.");
        }
        byte[] hash = problem.importHash();
        if (before.isEmpty() || !java.util.Arrays.equals(before.get(0).importHash(), hash)) {
            if (ProblemEvents.opens(before.isEmpty() ? null : before.get(0), problem)) {
                consent.holdForPolicyChange(List.of(customerId)); // waits for a message to the customer on the wire
            }
            mapper.upsert(new ForCustomer<>(problem, customerId, hash));
            events.stored(before.isEmpty() ? null : before.get(0), customerId, problem);
        }
        return problem;
    }

    /**
     * A problem opened by hand (the customer page): stored once under the id it was given. The same id again — the
     * form posted twice, or sent again from the browser's history — is that problem, left as it is now: not opened a
     * second time, and not reopened if the help desk resolved it meanwhile (which {@link #record} would do, as an
     * import of the same row says the problem is open).
     */
    @Transactional
    public Problem open(Access access, ProblemRequest request) {
        Problem problem = request.toProblem();
        long customerId = customers.requireVisible(access, problem.customer());
        List<ProblemMapper.Stored> before = mapper.findStored(List.of(problem.externalId()));
        if (!before.isEmpty() && before.get(0).customerId() == customerId) {
            return mapper.findByExternalId(problem.externalId()).orElseThrow();
        }
        return record(access, request);
    }

    /** The help-desk hook: marks a problem resolved (resolving it again changes nothing). */
    @Transactional
    public Problem resolve(Access access, String externalId, ResolveRequest request) {
        ProblemMapper.Stored stored = mapper.findStored(List.of(externalId)).stream().findFirst()
                .orElseThrow(() -> new NotFound("There is no problem " + externalId + "."));
        customers.requireReachable(access, stored.customerId(), "Problem " + externalId);
        if (stored.resolvedAt() == null) {
            Instant at = request == null || request.resolvedAt == null ? clock.instant() : request.resolvedAt.toInstant();
            if (at.isAfter(clock.instant())) {
                throw new InvalidInput("resolved_at: " + at + " is in the future.");
            }
            mapper.resolve(stored.id(), at, request == null ? null : request.resolution);
            events.resolved(stored.customerId(), externalId, at);
        }
        return mapper.findByExternalId(externalId).orElseThrow();
    }
}
