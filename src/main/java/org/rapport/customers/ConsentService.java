package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.Consent.Purpose;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one writer of a customer's consent: what the customer decides (unsubscribe, which purposes to keep) and what
 * their mail server says (the address bounces). Callers suppress what is waiting in the outbox themselves; this only
 * records the decision, in the caller's transaction.
 */
@ApplicationScoped
public class ConsentService {

    @Inject
    CustomerMapper mapper;

    @Inject
    Clock clock;

    public Optional<Consent> of(long customerId) {
        return mapper.findConsent(customerId);
    }

    /** Whether a problem of the customer is open or its follow-up is due ({@link Consent#blocksDuringProblem}). */
    public boolean problemPending(long customerId) {
        return mapper.problemPending(customerId).orElse(false);
    }

    /** Stops all email; the first unsubscribe is the one remembered (when and how). */
    @Transactional
    public void unsubscribe(long customerId, String via) {
        mapper.unsubscribe(customerId, via, clock.instant());
    }

    /** Keeps the purposes the customer ticked and stops the others; keeping none is unsubscribing. */
    @Transactional
    public Set<Purpose> keepOnly(long customerId, Set<Purpose> keep) {
        Set<Purpose> stopped = EnumSet.allOf(Purpose.class);
        stopped.removeAll(keep);
        mapper.keepPurposes(customerId, stopped.stream().map(Enum::name).collect(Collectors.joining(",")),
                keep.isEmpty(), clock.instant());
        return stopped;
    }

    /**
     * Before a change of the contact policy that is not written on the customer row (a problem opened, or opened again):
     * takes the customers' rows exclusively for the rest of the caller's transaction, as a consent change does by
     * writing them. A delivery holds its customer's row shared while the message is on the wire and reads the policy
     * under that lock (ADR 0003), so the change waits for a message in flight, and every delivery after its commit
     * reads it: once the change's transaction has committed, nothing it forbids can leave.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdForPolicyChange(Collection<Long> customerIds) {
        if (!customerIds.isEmpty()) {
            mapper.lockExclusively(new TreeSet<>(customerIds));
        }
    }

    /** The address bounces: no more email until the address is changed (the import clears it then). */
    @Transactional
    public void markBouncing(long customerId) {
        mapper.markBouncing(customerId, clock.instant());
    }
}
