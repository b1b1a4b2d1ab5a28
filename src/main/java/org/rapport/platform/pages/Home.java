package org.rapport.platform.pages;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /}: each role's home page. Signed-out visitors never get here: the login page comes first. */
@WebServlet("")
public class Home extends HttpServlet {

    @Inject
    SecurityContext security;

    /** The home page of the signed-in user. */
    public static String of(SecurityContext security) {
        if (security.isCallerInRole("ADMIN")) {
            return "/admin/users";
        }
        if (security.isCallerInRole("MANAGER")) {
            return "/team";
        }
        return "/today";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + of(security));
    }
}
