package org.rapport.calllists;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.outbox.Links;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code /calendar/{token}.ics}: today's call list for calendar apps, which cannot log in. The token is signed and names
 * one salesperson and the feed's generation; a forged, altered or revoked one, or one whose salesperson has no enabled
 * login, gets 404, the same as an unknown address.
 */
@WebServlet("/calendar/*")
public class CalendarFeedServlet extends HttpServlet {

    @Inject
    Links links;

    @Inject
    CalendarFeed feed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), ".ics", Purpose.CALENDAR);
        Optional<String> ics = token.flatMap(t -> feed.today(t.customerId(), t.messageId()));
        if (ics.isEmpty()) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/calendar;charset=UTF-8");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.getWriter().write(ics.get());
    }
}
