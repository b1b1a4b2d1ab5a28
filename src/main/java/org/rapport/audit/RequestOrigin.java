package org.rapport.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.rapport.platform.security.Actor;
import org.rapport.platform.web.RequestId;

/** Who is acting now and under which request id, as authentication put them on the current HTTP request. */
@ApplicationScoped
class RequestOrigin {

    record Origin(Actor actor, String requestId) {
        static final Origin SYSTEM = new Origin(Actor.SYSTEM, null);
    }

    @Inject
    HttpServletRequest request;

    /** The system, with no request id, outside an HTTP request (a job, the start) or before anyone logged in. */
    Origin current() {
        try {
            Actor actor = request.getAttribute(Actor.ATTRIBUTE) instanceof Actor a ? a : Actor.SYSTEM;
            return new Origin(actor, RequestId.of(request).orElse(null));
        } catch (RuntimeException noRequest) {
            // the container's request bean outside a servlet request: a context that is not active, or no request
            // behind it (which exception depends on the container); either way no person is acting
            return Origin.SYSTEM;
        }
    }
}
