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
import java.net.URI;
import java.util.Optional;

/**
 * {@code /c/{token}}: records the click and sends the browser on. The target is inside the signed token, so only a link
 * Rapport itself put into an email can be followed: no open redirect.
 */
@WebServlet("/c/*")
public class ClickServlet extends HttpServlet {

    @Inject
    Links links;

    @Inject
    ResponseService responses;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Claims> token = links.fromPath(request.getPathInfo(), "", Purpose.CLICK);
        if (token.isEmpty() || !isWebAddress(token.get().data())) {
            Pages.invalidLink(request, response);
            return;
        }
        responses.clicked(token.get());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setStatus(302);
        response.setHeader("Location", token.get().data());
    }

    private static boolean isWebAddress(String target) {
        try {
            URI uri = URI.create(target);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
