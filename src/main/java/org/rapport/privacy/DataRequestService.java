package org.rapport.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.database.DuplicateKey;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.NotFound;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The admin's queue of the requests customers file ("send me my data", "delete my data"). Filing one carries nothing
 * out: an admin exports or erases through the API and then marks the request done, or declines it.
 */
@ApplicationScoped
public class DataRequestService {

    static final int LIST_LIMIT = 500;

    @Inject
    DataRequestMapper mapper;

    @Inject
    Clock clock;

    /**
     * Files a request of the customer's; false when one of the same kind is still open (a replayed or repeated form),
     * which stays as it was.
     */
    @Transactional
    public boolean file(long customerId, DataRequestKind kind) {
        try {
            return mapper.insert(customerId, kind, clock.instant().truncatedTo(ChronoUnit.MILLIS)) == 1;
        } catch (RuntimeException e) {
            if (DuplicateKey.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Newest first, at most {@link #LIST_LIMIT}; {@code status} null for every status. */
    public List<DataRequest> list(DataRequestStatus status) {
        return mapper.list(status, LIST_LIMIT);
    }

    /** Marks request {@code id} DONE or DECLINED by {@code admin}; a request already handled is a {@link Conflict}. */
    @Transactional
    public DataRequest move(long id, DataRequestStatus target, String admin) {
        DataRequestStatus now = mapper.lockStatus(id).orElseThrow(() -> new NotFound("There is no data request " + id + "."));
        if (!now.mayBecome(target)) {
            throw new Conflict("Data request " + id + " is " + now + "; it cannot become " + target + ".");
        }
        mapper.move(id, target, admin, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return mapper.find(id).orElseThrow();
    }
}
