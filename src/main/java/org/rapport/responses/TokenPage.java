package org.rapport.responses;

import jakarta.inject.Inject;
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
 * A customer's page behind a signed link of one purpose, without a login: the token is verified, what its signed data
 * names is read and its customer looked up; a forged, altered or malformed link, or one of a customer who is gone or
 * was erased (who asked to be forgotten: their old links neither greet nor record anything), gets the 400 "invalid
 * link" page whatever the method, and changes nothing. A valid link's GET only shows (mail scanners
 * fetch every link); its POST decides. Each page adds only its own question and decision.
 *
 * @param <T> what a token's signed data names (an introduction and side, a rating)
 */
abstract class TokenPage<T> extends HttpServlet {

    /** A valid link: its verified token, what it names and its customer. */
    record ValidLink<T>(Claims token, T subject, CustomerContact contact) {

        long customerId() {
            return token.customerId();
        }

        /** What every page's model starts with: the customer's language. */
        Map<String, Object> model() {
            Map<String, Object> model = new HashMap<>();
            model.put("de", contact.german());
            return model;
        }
    }

    /** Records a customer's yes or no: whether it was taken (not when the question closed meanwhile). */
    @FunctionalInterface
    interface Answer {
        boolean take(boolean yes);
    }

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    private final Purpose purpose;

    TokenPage(Purpose purpose) {
        this.purpose = purpose;
    }

    /** What the token's signed data names, when it is well-formed for this page. */
    abstract Optional<T> subject(String data);

    /** Shows ({@code decide} false: GET) or decides (POST) for a valid link. */
    abstract void handle(ValidLink<T> link, HttpServletRequest request, HttpServletResponse response, boolean decide)
            throws IOException;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        visit(request, response, false);
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        visit(request, response, true);
    }

    private void visit(HttpServletRequest request, HttpServletResponse response, boolean decide) throws IOException {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), "", purpose);
        Optional<T> subject = token.flatMap(t -> subject(t.data()));
        Optional<CustomerContact> contact = subject.flatMap(s -> responses.contact(token.get().customerId()));
        if (contact.isEmpty()) {
            Pages.invalidLink(request, response);
            return;
        }
        handle(new ValidLink<>(token.get(), subject.get(), contact.get()), request, response, decide);
    }

    /**
     * A yes-or-no question (the consent and meeting pages; template {@code page} with {@code state} asking, answered or
     * closed, and {@code answer}): a question no longer open is 409 "closed"; GET shows it; POST without a yes or no is
     * 400 and asks again; POST takes the answer once, 409 "closed" when it was not taken.
     *
     * @param question the page's own fields while the question is open, empty when it is not
     * @param take     records the answer (true for yes); whether it was taken
     */
    void yesOrNo(ValidLink<T> link, HttpServletRequest request, HttpServletResponse response, boolean decide, String page,
                 Optional<Map<String, Object>> question, Answer take) throws IOException {
        // the link's query preselects; a POST's form field comes after it (query data first), and decides
        String[] answers = request.getParameterValues("answer");
        String answer = answers == null ? null : answers[answers.length - 1];
        Map<String, Object> model = link.model();
        model.put("answer", "no".equals(answer) ? "no" : "yes");
        if (question.isEmpty()) {
            model.put("state", "closed");
            Pages.write(response, 409, page, model);
            return;
        }
        model.putAll(question.get());
        if (!decide) {
            model.put("state", "asking");
            Pages.write(response, 200, page, model);
            return;
        }
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            model.put("state", "asking");
            model.put("missing", true);
            Pages.write(response, 400, page, model);
            return;
        }
        boolean taken = take.take("yes".equals(answer));
        model.put("state", taken ? "answered" : "closed");
        Pages.write(response, taken ? 200 : 409, page, model);
    }
}
