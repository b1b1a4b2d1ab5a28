package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.platform.errors.Conflict;
import org.rapport.polls.AnswerSheet;
import org.rapport.polls.InvalidAnswers;
import org.rapport.polls.Poll;
import org.rapport.polls.PollAnswers;
import org.rapport.polls.PollQuestion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /p/{token}}: a poll's questions in the customer's language. GET only shows them (mail scanners fetch every
 * link); POST records the answers ({@link PollAnswers}), again and again while the poll is open, each time replacing the
 * last. A link of a poll not sent to this customer in this message is an invalid link (as every page's link of a
 * customer since erased: {@link TokenPage}); a poll past its last day is 409 "closed"; answers at fault show the form
 * again with what is wrong (400).
 */
@WebServlet("/p/*")
public class PollServlet extends TokenPage<Long> {

    @Inject
    PollAnswers answers;

    public PollServlet() {
        super(Purpose.POLL);
    }

    /** The poll's id. */
    @Override
    Optional<Long> subject(String data) {
        return data.matches("[1-9]\\d{0,17}") ? Optional.of(Long.parseLong(data)) : Optional.empty();
    }

    @Override
    void handle(ValidLink<Long> link, HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        Optional<Poll> found = answers.sentIn(link.subject(), link.customerId(), link.token().messageId());
        if (found.isEmpty()) {
            Pages.invalidLink(request, response);
            return;
        }
        Poll poll = found.get();
        boolean german = link.contact().german();
        Map<String, Object> model = link.model();
        if (!answers.open(poll)) {
            model.put("state", "closed");
            Pages.write(response, 409, "poll", model);
            return;
        }
        if (!decide) {
            model.put("state", "asking");
            model.put("questions", questions(poll, german, Map.of(), Map.of()));
            Pages.write(response, 200, "poll", model);
            return;
        }
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, String> form = new HashMap<>();
        for (PollQuestion q : poll.questions) {
            String field = AnswerSheet.field(q.position);
            String value = request.getParameter(field);
            if (value != null) {
                form.put(field, value);
            }
        }
        try {
            answers.answered(poll.id, link.customerId(), AnswerSheet.read(poll, form));
            model.put("state", "answered");
            Pages.write(response, 200, "poll", model);
        } catch (InvalidAnswers e) {
            model.put("state", "asking");
            model.put("errors", true);
            model.put("questions", questions(poll, german, form, e.flaws()));
            Pages.write(response, 400, "poll", model);
        } catch (Conflict closed) {
            model.put("state", "closed");
            Pages.write(response, 409, "poll", model);
        }
    }

    private static List<Map<String, Object>> questions(Poll poll, boolean german, Map<String, String> given,
                                                        Map<String, AnswerSheet.Flaw> flaws) {
        return poll.questions.stream().map(q -> {
            Map<String, Object> row = new HashMap<>();
            String field = AnswerSheet.field(q.position);
            row.put("field", field);
            row.put("kind", q.kind.name());
            row.put("text", q.text(german));
            row.put("labels", q.labels());
            if (q.kind.scale()) {
                row.put("min", q.kind.min());
                row.put("max", q.kind.max());
            }
            if (given.get(field) != null) {
                row.put("value", given.get(field).strip());
            }
            if (flaws.containsKey(field)) {
                row.put("error", flaws.get(field).name());
            }
            return row;
        }).toList();
    }
}
