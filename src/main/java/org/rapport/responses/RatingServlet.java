package org.rapport.responses;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Purpose;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /r/{token}}: the satisfaction rating of a check-in email. GET only shows the chosen rating with a button to
 * send it, because mail scanners fetch every link (all five ratings); POST records it.
 */
@WebServlet("/r/*")
public class RatingServlet extends TokenPage<Integer> {

    public RatingServlet() {
        super(Purpose.RATING);
    }

    /** The score, 1 to 5. */
    @Override
    Optional<Integer> subject(String data) {
        return data.matches("[1-5]") ? Optional.of(Integer.parseInt(data)) : Optional.empty();
    }

    @Override
    void handle(ValidLink<Integer> link, HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        if (decide) {
            responses.rated(link.token(), link.subject());
        }
        Map<String, Object> model = link.model();
        model.put("score", link.subject());
        model.put("recorded", decide);
        Pages.write(response, 200, "rating", model);
    }
}
