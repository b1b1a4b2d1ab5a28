package org.rapport.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/reports/responses}: customer mail sent from {@code from} to {@code to} (whole days in the schedule
 * zone), per template and language, with the total.
 */
public record ResponsesReport(LocalDate from, LocalDate to, String zone, ResponseFigures total, List<ResponseFigures> templates) {
}
