package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.imports.ForCustomer;
import org.rapport.platform.security.Scope;
import org.rapport.platform.web.ApiException;

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
    Clock clock;

    @Inject
    ProblemEvents events;

    /** Creates or updates a problem (idempotent by external_id) for a customer the caller may see. */
    @Transactional
    public Problem record(Scope scope, ProblemRequest request) {
        Problem problem = request.toProblem();
        long customerId = customers.requireVisible(scope, problem.customer());
        List<ProblemMapper.Stored> before = mapper.findStored(List.of(problem.externalId()));
        if (!before.isEmpty() && before.get(0).customerId() != customerId) {
            throw ApiException.conflict("external_id: problem " + problem.externalId() + " belongs to another customer.");
        }
        byte[] hash = problem.importHash();
        if (before.isEmpty() || !java.util.Arrays.equals(before.get(0).importHash(), hash)) {
            mapper.upsert(new ForCustomer<>(problem, customerId, hash));
            events.stored(before.isEmpty() ? null : before.get(0), customerId, problem);
        }
        return problem;
    }

    /** The help-desk hook: marks a problem resolved (resolving it again changes nothing). */
    @Transactional
    public Problem resolve(Scope scope, String externalId, ResolveRequest request) {
        ProblemMapper.Stored stored = mapper.findStored(List.of(externalId)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("There is no problem " + externalId + "."));
        customers.requireVisible(scope, stored.customer());
        if (stored.resolvedAt() == null) {
            Instant at = request == null || request.resolvedAt == null ? clock.instant() : request.resolvedAt.toInstant();
            if (at.isAfter(clock.instant())) {
                throw ApiException.badRequest("resolved_at: " + at + " is in the future.");
            }
            mapper.resolve(stored.id(), at, request == null ? null : request.resolution);
            events.resolved(stored.customerId(), externalId, at);
        }
        return mapper.findByExternalId(externalId).orElseThrow();
    }
}
