package org.rapport.planning;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.web.Params;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /admin/holidays}: the company holidays, for admins. Rows are added and removed on the page; saving replaces
 * the stored list with the page's through {@link RuleService#replaceHolidays}, as {@code PUT /api/holidays} does,
 * after the same Bean Validation of each holiday; every refusal (a date that is none, a blank name, a date listed
 * twice) shows next to the row's field, and nothing is stored.
 * <p>
 * View-scoped: the rows added and removed live as long as the page, until saved.
 */
@Named
@ViewScoped
public class HolidaysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id, and the client id of messages about no single row. */
    static final String FORM = "holidays";

    /** A row's field as the API names it: {@code [2].date}. */
    private static final Pattern ROW_FIELD = Pattern.compile("\\[(\\d+)]\\.(date|name)");

    @Inject
    RuleService rules;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    private List<Row> rows;
    private final Row added = new Row();

    /** One holiday as typed: the date (YYYY-MM-DD, as the browser's date picker sends it) and the name. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private String date;
        private String name;

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            show(rules.holidays());
        }
        return rows;
    }

    public Row getAdded() {
        return added;
    }

    /** Puts the holiday typed in the last row into the list (stored when the list is saved). */
    public void add() {
        Row row = new Row();
        row.date = added.date;
        row.name = added.name;
        getRows().add(row);
        added.date = null;
        added.name = null;
    }

    public void remove(int row) {
        if (row >= 0 && row < getRows().size()) {
            getRows().remove(row);
        }
    }

    public void save() {
        List<CompanyHoliday> holidays = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < getRows().size(); i++) {
            Row row = getRows().get(i);
            int index = i;
            CompanyHoliday holiday = new CompanyHoliday(null, row.name);
            try {
                holiday.date = Params.optionalDate("[" + i + "].date", row.date).orElse(null);
            } catch (InvalidInput e) {
                feedback.error(rowField(i, "date"), e.getMessage(), "");
                valid = false;
                continue;
            }
            valid &= feedback.valid(holiday, field -> rowField(index, field));
            holidays.add(holiday);
        }
        if (valid) {
            feedback.attemptFields(this::clientIdOf, () -> rules.replaceHolidays(holidays)).ifPresent(stored -> {
                show(stored);
                feedback.info(texts.get("holidays.saved"));
            });
        }
    }

    /** Where the service's message about {@code path} goes: next to the row's field it names, else atop the form. */
    String clientIdOf(String path) {
        Matcher m = ROW_FIELD.matcher(path);
        return m.matches() ? rowField(Integer.parseInt(m.group(1)), m.group(2)) : FORM;
    }

    static String rowField(int row, String field) {
        return FORM + ":rows:" + row + ":" + field;
    }

    private void show(List<CompanyHoliday> holidays) {
        rows = new ArrayList<>();
        for (CompanyHoliday h : holidays) {
            Row row = new Row();
            row.date = h.date.toString();
            row.name = h.name;
            rows.add(row);
        }
    }
}
