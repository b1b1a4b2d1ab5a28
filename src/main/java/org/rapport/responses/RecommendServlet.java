package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.outbox.Links;
import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.TooManyRequests;
import org.rapport.referrals.ReferralRequest;
import org.rapport.referrals.ReferralService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /recommend/{token}}: the customer's own form to recommend someone, linked from thank-you notes. GET shows it
 * (and changes nothing, as mail scanners fetch links); POST records the recommendation as a lead for the customer's
 * salesperson. No login: the signed token names the customer (gone or erased: the invalid-link page). A few a day per
 * customer ({@link ReferralService#FORM_PER_DAY}).
 */
@WebServlet("/recommend/*")
public class RecommendServlet extends HttpServlet {

    private static final List<String> FIELDS = List.of("name", "company", "email", "phone", "note");

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    @Inject
    ReferralService referrals;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CustomerContact> contact = contact(request);
        if (contact.isEmpty()) {
            Pages.invalidLink(request, response);
            return;
        }
        Pages.write(response, 200, "recommend", model(contact.get(), Map.of(), List.of(), false));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<CustomerContact> contact = contact(request);
        if (contact.isEmpty()) {
            Pages.invalidLink(request, response);
            return;
        }
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, Optional.ofNullable(request.getParameter(f)).orElse("")));
        ReferralRequest referral = new ReferralRequest();
        referral.name = values.get("name");
        referral.company = values.get("company");
        referral.email = values.get("email");
        referral.phone = values.get("phone");
        referral.note = values.get("note");
        try {
            referrals.recommendedByCustomer(contact.get().id, referral);
            Pages.write(response, 200, "recommend", model(contact.get(), Map.of(), List.of(), true));
        } catch (InvalidInput e) {
            // the page words each field's problem in the customer's language; the service's reasons are for staff
            List<String> errors = e.errors().stream().map(FieldError::field).filter(FIELDS::contains).distinct().toList();
            Pages.write(response, 400, "recommend", model(contact.get(), values, errors.isEmpty() ? List.of("form") : errors, false));
        } catch (TooManyRequests e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            Pages.write(response, 429, "recommend", model(contact.get(), values, List.of("tooMany"), false));
        }
    }

    private Optional<CustomerContact> contact(HttpServletRequest request) {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), "", Purpose.RECOMMEND);
        return token.flatMap(t -> responses.contact(t.customerId()));
    }

    /** @param errors the fields to correct ({@link #FIELDS}), or {@code form} or {@code tooMany} */
    private static Map<String, Object> model(CustomerContact contact, Map<String, String> values, List<String> errors,
                                             boolean sent) {
        Map<String, Object> model = new HashMap<>();
        model.put("de", contact.german());
        model.put("company", contact.company == null ? "" : contact.company);
        model.put("values", values);
        model.put("errors", errors);
        model.put("sent", sent);
        return model;
    }
}
