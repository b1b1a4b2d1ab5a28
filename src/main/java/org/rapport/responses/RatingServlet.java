package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.outbox.Links;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /r/{token}}: the satisfaction rating of a check-in email. GET only shows the chosen rating with a button to
 * send it, because mail scanners fetch every link (all five ratings); POST records it.
 */
@WebServlet("/r/*")
public class RatingServlet extends HttpServlet {

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, true);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, boolean record) throws IOException {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), "", Purpose.RATING);
        Optional<CustomerContact> contact = token.flatMap(t -> responses.contact(t.customerId()));
        if (contact.isEmpty() || !token.get().data().matches("[1-5]")) {
            Pages.write(response, 400, "invalid-link", Map.of());
            return;
        }
        int score = Integer.parseInt(token.get().data());
        if (record) {
            responses.rated(token.get(), score);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("de", contact.get().german());
        model.put("score", score);
        model.put("recorded", record);
        Pages.write(response, 200, "rating", model);
    }
}
