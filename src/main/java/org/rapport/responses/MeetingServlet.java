package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.netweaving.MeetingQuestions;
import org.rapport.outbox.Links;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /met/{token}}: a customer's one-click answer to "did you meet?" after an introduction, without a login. The
 * token (signed, {@link Links#meetingUrl}) names the customer and the introduction; the answer is the form's
 * {@code answer} ({@code yes} or {@code no}, preselected by the email's links). GET only shows, POST decides; a forged
 * or altered token is 400, a question no longer open (answered, or the introduction moved on) 409.
 */
@WebServlet("/met/*")
public class MeetingServlet extends HttpServlet {

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    @Inject
    MeetingQuestions meetings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, true);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), "", Purpose.MEETING);
        Optional<CustomerContact> contact = token.flatMap(t -> responses.contact(t.customerId()));
        if (contact.isEmpty() || !token.get().data().matches("[0-9]{1,18}")) {
            Pages.write(response, 400, "invalid-link", Map.of());
            return;
        }
        long customerId = token.get().customerId();
        long introductionId = Long.parseLong(token.get().data());
        // the link's query preselects; a POST's form field comes after it (query data first), and decides
        String[] answers = request.getParameterValues("answer");
        String answer = answers == null ? null : answers[answers.length - 1];
        Map<String, Object> model = new HashMap<>();
        model.put("de", contact.get().german());
        model.put("answer", "no".equals(answer) ? "no" : "yes");
        Optional<String> other = meetings.open(customerId, introductionId);
        if (other.isEmpty()) {
            model.put("state", "closed");
            Pages.write(response, 409, "met", model);
            return;
        }
        model.put("otherCompany", other.get());
        if (!decide || (!"yes".equals(answer) && !"no".equals(answer))) {
            model.put("state", "asking");
            Pages.write(response, decide ? 400 : 200, "met", model);
            return;
        }
        boolean taken = meetings.answer(customerId, introductionId, "yes".equals(answer));
        model.put("state", taken ? "answered" : "closed");
        Pages.write(response, taken ? 200 : 409, "met", model);
    }
}
