package org.rapport.touches;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.errors.InvalidInput;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Interactions with customers; a two-way one restarts the customer's cadence clock. */
@ApplicationScoped
public class TouchService {

    @Inject
    TouchMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    Clock clock;

    @Inject
    Event<TouchLogged> logged;

    @Transactional
    public TouchView log(AuthenticatedUser user, TouchRequest request) {
        return record(user, customers.requireVisible(user.access(), request.customer), request);
    }

    /** Logs a touch on a customer the caller has already authorised {@code user} for (a backup covering a colleague). */
    @Transactional
    public TouchView record(AuthenticatedUser user, long customerId, TouchRequest request) {
        if (request.kind == TouchKind.EMAIL || request.kind == TouchKind.REPLY) {
            throw new InvalidInput("kind: " + request.kind + " touches are recorded by Rapport's mail handling; log CALL, VISIT or NOTE.");
        }
        if (!request.kind.allows(request.outcome)) {
            throw new InvalidInput("outcome: a " + request.kind + " can have outcome " + request.kind.outcomes()
                    + ", not " + request.outcome + ".");
        }
        Instant now = clock.instant();
        Instant at = request.occurredAt == null ? now : request.occurredAt.toInstant();
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidInput("occurred_at: " + at + " is in the future.");
        }
        Long salespersonId = user.salespersonId() != null ? user.salespersonId() : customers.ownerOf(customerId).orElse(null);
        Touch touch = new Touch(customerId, salespersonId, request.kind, request.outcome, at, request.note, user.username());
        mapper.insert(touch);
        if (touch.twoWay()) {
            customers.twoWayTouchHappened(customerId, at);
        }
        logged.fire(new TouchLogged(customerId, touch.kind(), touch.outcome(), touch.twoWay(), at));
        return new TouchView(request.customer, touch.kind(), touch.outcome(), touch.twoWay(), at, touch.note(), user.username());
    }

    /**
     * A touch Rapport's mail handling saw (a customer's reply): stored, the cadence clock moved, and {@link TouchLogged}
     * fired like a logged call, so the planner treats it as any other conversation.
     */
    @Transactional
    public void received(Touch touch) {
        mapper.insertAll(List.of(touch));
        if (touch.twoWay()) {
            mapper.refreshLastTwoWay(List.of(touch.customerId()));
        }
        logged.fire(new TouchLogged(touch.customerId(), touch.kind(), touch.outcome(), touch.twoWay(), touch.occurredAt()));
    }

    /** Stores touches in bulk (demo data, migrations from another CRM) and brings the cadence clocks up to date. */
    @Transactional
    public void recordAll(List<Touch> touches) {
        for (int i = 0; i < touches.size(); i += 1000) {
            mapper.insertAll(touches.subList(i, Math.min(touches.size(), i + 1000)));
        }
        // only two-way touches move the cadence clock: a batch of sent emails needs no refresh
        List<Long> customerIds = new ArrayList<>(touches.stream().filter(Touch::twoWay).map(Touch::customerId).distinct().toList());
        for (int i = 0; i < customerIds.size(); i += 1000) {
            mapper.refreshLastTwoWay(customerIds.subList(i, Math.min(customerIds.size(), i + 1000)));
        }
    }
}
