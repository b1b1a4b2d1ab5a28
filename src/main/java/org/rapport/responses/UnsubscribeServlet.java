package org.rapport.responses;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.customers.Consent;
import org.rapport.customers.ConsentService;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.outbox.Links;
import org.rapport.privacy.DataRequestKind;
import org.rapport.privacy.DataRequestService;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /u/{token}}. POST with {@code List-Unsubscribe=One-Click} (RFC 8058; form-urlencoded or multipart) unsubscribes
 * at once, with no login, cookie or redirect. GET never changes anything, because mail scanners fetch links: it shows a
 * page where the customer confirms, or keeps some purposes and stops the others, and where they ask for a copy of their
 * data or its erasure ({@code action=data-request}: filed into the admins' queue, carried out by nobody automatically; a
 * request of a kind already open adds nothing). A token that is forged, altered or made for another purpose, or one of
 * a customer since erased (already on the suppression list), gets 400 and changes nothing.
 */
@WebServlet("/u/*")
@MultipartConfig(maxFileSize = 4_096, maxRequestSize = 65_536, fileSizeThreshold = 65_536)
public class UnsubscribeServlet extends HttpServlet {

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    @Inject
    ConsentService consents;

    @Inject
    DataRequestService dataRequests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Claims> token = token(request);
        Optional<CustomerContact> contact = token.flatMap(t -> responses.contact(t.customerId()));
        if (contact.isEmpty()) {
            Pages.invalidLink(request, response);
            return;
        }
        Pages.write(response, 200, "unsubscribe", model(contact.get(), consentOf(contact.get()), "ask"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Claims> token = token(request);
        Optional<CustomerContact> contact = token.flatMap(t -> responses.contact(t.customerId()));
        if (contact.isEmpty()) {
            Pages.invalidLink(request, response);
            return;
        }
        if ("One-Click".equals(request.getParameter("List-Unsubscribe"))) {
            responses.unsubscribe(token.get(), request.getParameter("page") != null ? "page" : "one-click");
            Pages.write(response, 200, "unsubscribe", model(contact.get(), consentOf(contact.get()), "unsubscribed"));
            return;
        }
        if ("keep".equals(request.getParameter("action"))) {
            Set<Consent.Purpose> keep = EnumSet.noneOf(Consent.Purpose.class);
            String[] ticked = request.getParameterValues("keep");
            for (String value : ticked == null ? new String[0] : ticked) {
                try {
                    keep.add(Consent.Purpose.parse(value));
                } catch (IllegalArgumentException e) {
                    response.sendError(400, "keep: '" + value + "' is none of " + List.of(Consent.Purpose.values()));
                    return;
                }
            }
            responses.keepOnly(token.get(), keep);
            Pages.write(response, 200, "unsubscribe", model(contact.get(), consentOf(contact.get()),
                    keep.isEmpty() ? "unsubscribed" : "saved"));
            return;
        }
        if ("data-request".equals(request.getParameter("action"))) {
            fileDataRequest(request, response, contact.get());
            return;
        }
        response.sendError(400, "Expected List-Unsubscribe=One-Click (RFC 8058), action=keep or action=data-request");
    }

    /** "Send me my data" / "delete my data": into the admins' queue, once while one of the kind is open. */
    private void fileDataRequest(HttpServletRequest request, HttpServletResponse response, CustomerContact contact)
            throws IOException {
        DataRequestKind kind = kindOf(request.getParameter("kind"));
        if (kind == null) {
            response.sendError(400, "kind: must be one of " + List.of(DataRequestKind.values()));
            return;
        }
        dataRequests.file(contact.id, kind);
        Map<String, Object> model = model(contact, consentOf(contact), "requested");
        model.put("requested", kind.name());
        Pages.write(response, 200, "unsubscribe", model);
    }

    private static DataRequestKind kindOf(String value) {
        for (DataRequestKind kind : DataRequestKind.values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }

    private Optional<Claims> token(HttpServletRequest request) {
        return links.fromPath(request.getPathInfo(), "", Purpose.UNSUBSCRIBE);
    }

    private Consent consentOf(CustomerContact c) {
        return consents.of(c.id).orElseThrow();
    }

    private static Map<String, Object> model(CustomerContact c, Consent consent, String state) {
        Map<String, Object> model = new HashMap<>();
        boolean de = c.german();
        model.put("de", de);
        model.put("state", state);
        model.put("name", firstOf(c.preferredName, c.contactFirstName, c.company));
        List<Map<String, Object>> purposes = java.util.Arrays.stream(Consent.Purpose.values()).map(p -> {
            Map<String, Object> row = new HashMap<>();
            row.put("code", p.name());
            row.put("kept", consent.keeps(p));
            return row;
        }).toList();
        model.put("purposes", purposes);
        return model;
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
