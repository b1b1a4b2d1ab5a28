package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What {@link PollSendingJob} does: closes the polls past their last day, then sends those whose first day has come. */
@ApplicationScoped
public class PollSchedule {

    private static final Logger LOG = Logger.getLogger(PollSchedule.class.getName());

    @Inject
    PollSending sending;

    @Inject
    PollMapper mapper;

    /** @return how many polls were sent; each in a transaction of its own, so one that fails leaves the others sent */
    public int sendDue() {
        LocalDate today = sending.today();
        sending.closeEnded(today);
        int sent = 0;
        for (long id : mapper.due(today)) {
            try {
                Optional<PollSending.Sent> done = sending.sendScheduled(id);
                if (done.isPresent()) {
                    sent++;
                    LOG.info(() -> "Poll " + id + " sent: " + done.get());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Poll " + id + " could not be sent; the next run tries again", e);
            }
        }
        return sent;
    }
}
