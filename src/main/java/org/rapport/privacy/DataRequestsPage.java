package org.rapport.privacy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.pages.Age;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Language;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.Viewer;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code /admin/data-requests}: the open requests of the queue, oldest first, each marked done or declined by the
 * admin through {@link DataRequestService#move}, as the API does. View-scoped, so that a row's button acts on the request
 * the admin saw in that row; a request another admin handled meanwhile is refused by the service and the page says so.
 */
@Named
@ViewScoped
public class DataRequestsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DataRequestService requests;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    @Inject
    Language language;

    @Inject
    Clock clock;

    private List<DataRequest> open;

    public List<DataRequest> getOpen() {
        if (open == null) {
            List<DataRequest> newestFirst = new ArrayList<>(requests.list(DataRequestStatus.OPEN));
            Collections.reverse(newestFirst);
            open = newestFirst;
        }
        return open;
    }

    /** How long the request has waited, as every page says it. */
    public String age(DataRequest request) {
        return Age.text(language.getLocale(), Age.days(request.requestedAt, clock.instant()));
    }

    public void done(long id) {
        move(id, DataRequestStatus.DONE, "dataRequests.markedDone");
    }

    public void decline(long id) {
        move(id, DataRequestStatus.DECLINED, "dataRequests.markedDeclined");
    }

    private void move(long id, DataRequestStatus target, String confirmation) {
        feedback.attempt(null, () -> requests.move(id, target, viewer.user().username()))
                .ifPresent(moved -> feedback.info(texts.format(confirmation, moved.customer)));
        open = null;
    }
}
