package org.rapport.calllists;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.security.Viewer;

import java.io.IOException;

/** {@code /today.csv}: the signed-in salesperson's list for today as CSV, for the page (the API's is HTTP Basic only). */
@WebServlet("/today.csv")
public class TodayCsvServlet extends HttpServlet {

    @Inject
    CallListService callLists;

    @Inject
    Viewer viewer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String salesperson = viewer.user().salespersonExternalId();
        if (salesperson == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "This login has no call list.");
            return;
        }
        CallList list = callLists.today(viewer.access(), salesperson);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"calls-" + list.date() + ".csv\"");
        response.getWriter().write(CallListFormats.csv(list));
    }
}
