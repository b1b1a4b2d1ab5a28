package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.netweaving.ConsentSide;
import org.rapport.netweaving.IntroductionConsents;
import org.rapport.outbox.Links;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /consent/{token}}: a customer's answer to a request to consent to an introduction, without a login. The token
 * (signed, see {@link Links#consentUrl}) names the customer, the introduction and the side asked; the answer is the
 * form's {@code answer} ({@code yes} or {@code no}; the email's two links preselect it). GET only shows the question,
 * since mail scanners fetch every link; POST decides. A forged or altered token is 400; one whose question is no longer
 * open (answered already, the other side's, the introduction moved on) is 409; neither changes anything. Pages in the
 * customer's language (German for a {@code de} locale, else English).
 */
@WebServlet("/consent/*")
public class ConsentServlet extends HttpServlet {

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    @Inject
    IntroductionConsents consents;

    /** The introduction and side a token's signed data names: {@code <id>:FIRST|SECOND}. */
    private record Asked(long introductionId, ConsentSide side) {
        static Optional<Asked> of(String data) {
            String[] parts = data.split(":", -1);
            if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}")) {
                return Optional.empty();
            }
            return ConsentSide.parse(parts[1]).map(side -> new Asked(Long.parseLong(parts[0]), side));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, true);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), "", Purpose.CONSENT);
        Optional<Asked> asked = token.flatMap(t -> Asked.of(t.data()));
        Optional<CustomerContact> contact = token.flatMap(t -> responses.contact(t.customerId()));
        if (asked.isEmpty() || contact.isEmpty()) {
            Pages.write(response, 400, "invalid-link", Map.of());
            return;
        }
        long customerId = token.get().customerId();
        // the link's query preselects; a POST's form field comes after it (query data first), and decides
        String[] answers = request.getParameterValues("answer");
        String answer = answers == null ? null : answers[answers.length - 1];
        Map<String, Object> model = new HashMap<>();
        model.put("de", contact.get().german());
        model.put("answer", "no".equals(answer) ? "no" : "yes");
        Optional<IntroductionConsents.Question> question = consents.open(customerId, asked.get().introductionId(),
                asked.get().side());
        if (question.isEmpty()) {
            model.put("state", "closed");
            Pages.write(response, 409, "consent", model);
            return;
        }
        model.put("otherCompany", question.get().otherCompany());
        model.put("youNeed", question.get().youNeed());
        model.put("youOffer", question.get().youOffer());
        model.put("first", asked.get().side() == ConsentSide.FIRST);
        if (!decide) {
            model.put("state", "asking");
            Pages.write(response, 200, "consent", model);
            return;
        }
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            model.put("state", "asking");
            model.put("missing", true);
            Pages.write(response, 400, "consent", model);
            return;
        }
        boolean taken = consents.answer(customerId, asked.get().introductionId(), asked.get().side(), "yes".equals(answer));
        model.put("state", taken ? "answered" : "closed");
        Pages.write(response, taken ? 200 : 409, "consent", model);
    }
}
