package org.rapport.imports;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.platform.web.CsvCells;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code /admin/import-rejected.csv}: the rejected rows of the admin's last import in this session (line, column,
 * value, reason), to fix in a spreadsheet. A GET that only reads; ADMIN only, as everything under {@code /admin/}.
 */
@WebServlet("/admin/import-rejected.csv")
public class RejectedRowsServlet extends HttpServlet {

    @Inject
    ImportReports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ImportReport> last = reports.last();
        if (last.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No import in this session.");
            return;
        }
        ImportReport report = last.get();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + report.kind() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        try (CSVPrinter out = new CSVPrinter(response.getWriter(), CSVFormat.RFC4180)) {
            out.printRecord("line", "column", "value", "reason");
            for (Rejection r : report.rejected()) {
                out.printRecord(CsvCells.of(r.line(), r.column(), r.value(), r.reason()));
            }
        }
    }
}
