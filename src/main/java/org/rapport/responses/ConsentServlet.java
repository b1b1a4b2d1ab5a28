package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.netweaving.ConsentSide;
import org.rapport.netweaving.IntroductionConsents;
import org.rapport.outbox.Links;

import java.io.IOException;
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
public class ConsentServlet extends TokenPage<ConsentServlet.Asked> {

    @Inject
    IntroductionConsents consents;

    /** The introduction and side a token's signed data names: {@code <id>:FIRST|SECOND}. */
    record Asked(long introductionId, ConsentSide side) {
    }

    public ConsentServlet() {
        super(Purpose.CONSENT);
    }

    @Override
    Optional<Asked> subject(String data) {
        String[] parts = data.split(":", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return ConsentSide.parse(parts[1]).map(side -> new Asked(Long.parseLong(parts[0]), side));
    }

    @Override
    void handle(ValidLink<Asked> link, HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        Asked asked = link.subject();
        Optional<Map<String, Object>> question = consents.open(link.customerId(), asked.introductionId(), asked.side())
                .map(q -> Map.of("otherCompany", q.otherCompany(), "youNeed", q.youNeed(), "youOffer", q.youOffer(),
                        "first", asked.side() == ConsentSide.FIRST));
        yesOrNo(link, request, response, decide, "consent", question,
                yes -> consents.answer(link.customerId(), asked.introductionId(), asked.side(), yes));
    }
}
