package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.netweaving.MeetingQuestions;
import org.rapport.outbox.Links;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /met/{token}}: a customer's one-click answer to "did you meet?" after an introduction, without a login. The
 * token (signed, {@link Links#meetingUrl}) names the customer and the introduction; the answer is the form's
 * {@code answer} ({@code yes} or {@code no}, preselected by the email's links). GET only shows, POST decides; a forged
 * or altered token is 400, a question no longer open (answered, or the introduction moved on) 409.
 */
@WebServlet("/met/*")
public class MeetingServlet extends TokenPage<Long> {

    @Inject
    MeetingQuestions meetings;

    public MeetingServlet() {
        super(Purpose.MEETING);
    }

    /** The introduction. */
    @Override
    Optional<Long> subject(String data) {
        return data.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(data)) : Optional.empty();
    }

    @Override
    void handle(ValidLink<Long> link, HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        long introductionId = link.subject();
        Optional<Map<String, Object>> question = meetings.open(link.customerId(), introductionId)
                .map(other -> Map.of("otherCompany", other));
        yesOrNo(link, request, response, decide, "met", question,
                met -> meetings.answer(link.customerId(), introductionId, met));
    }
}
