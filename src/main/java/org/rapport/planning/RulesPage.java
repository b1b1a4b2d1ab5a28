package org.rapport.planning;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Texts;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/rules}: the whole rules document as a form, for admins. Saving checks what {@code PUT /api/rules}
 * checks, in the same order — text the API could not read as JSON, the document's Bean Validation constraints, then
 * {@link RuleService#replace}, which stores every rule or none — and shows each refusal next to the field it names.
 * <p>
 * View-scoped: the rows of the teams' own budgets (added, removed) live as long as the page.
 */
@Named
@ViewScoped
public class RulesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id, and the client id of messages about no single field. */
    static final String FORM = "rules";

    @Inject
    RuleService rules;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    private RulesForm form;

    public RulesForm getForm() {
        if (form == null) {
            form = RulesForm.of(rules.document());
        }
        return form;
    }

    public List<RulesForm.Group> getGroups() {
        return RulesForm.GROUPS;
    }

    public void save() {
        feedback.attemptFields(this::clientIdOf, () -> {
            RulesDocument document = getForm().toDocument();
            if (!feedback.valid(document, this::clientIdOf)) {
                return null;
            }
            rules.replace(document);
            return document;
        }).ifPresent(saved -> {
            form = RulesForm.of(rules.document());
            feedback.info(texts.get("rules.saved"));
        });
    }

    public void addBudget() {
        getForm().addBudget();
    }

    public void removeBudget(int row) {
        getForm().removeBudget(row);
    }

    /**
     * Where a message about a field goes: next to its input (a JSON path from the service, a property path from Bean
     * Validation), a team's budget next to that team's row, anything else at the top of the form.
     */
    String clientIdOf(String path) {
        if (path.startsWith(RulesForm.TEAM_BUDGETS)) {
            String team = path.length() > RulesForm.TEAM_BUDGETS.length() ? path.substring(RulesForm.TEAM_BUDGETS.length() + 1) : "";
            List<RulesForm.Budget> rows = getForm().getBudgets();
            for (int i = 0; i < rows.size(); i++) {
                String manager = rows.get(i).getManager();
                if (!rows.get(i).isEmpty() && (manager == null ? "" : manager.strip()).equals(team)) {
                    return FORM + ":budgets:" + i + ":manager";
                }
            }
            return FORM;
        }
        String id = RulesForm.componentId(path);
        return RulesForm.isField(id) ? FORM + ":" + id : FORM;
    }
}
