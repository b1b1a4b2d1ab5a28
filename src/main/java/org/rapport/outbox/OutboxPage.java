package org.rapport.outbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.customers.CustomerService;
import org.rapport.mail.RenderedMail;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Language;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;
import org.rapport.team.TeamService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /outbox}: search the messages the viewer reaches (the API's search and rule: a salesperson their customers'
 * mail, a manager their team's, an admin all), open one to see what became of it and how it renders, and, as an admin,
 * send a FAILED one again. The search is a GET form (nothing changes); the resend is one request through the page's
 * form (its ViewState guards it) with the message id as a parameter, and the service decides: anyone but an admin, and
 * a message that is not FAILED, gets its refusal as a page message.
 */
@Named
@RequestScoped
public class OutboxPage {

    /** Messages listed at a time, newest first; "older" pages on. */
    static final int SHOWN = 50;

    @Inject
    OutboxService outbox;

    @Inject
    CustomerService customers;

    @Inject
    TeamService team;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    @Inject
    Language language;

    @Inject
    FacesContext faces;

    private String status;
    private String customer;
    private String template;
    private String q;
    private String before;
    private String message;

    private List<OutboxView> found;
    private Optional<OutboxView> shown;
    private Optional<RenderedMail> rendering;
    private ZoneId readerZone;

    /** Reads what the page shows before it is drawn: a service's refusal is then a message at the top of the page. */
    public void load() {
        getMessages();
        getRendering();
    }

    /** The messages the search finds, newest first; none when a parameter is refused (its message says why). */
    public List<OutboxView> getMessages() {
        if (found == null) {
            found = feedback.attempt(null, () -> {
                String named = Params.text("customer", customer, 64);
                Long customerId = named == null ? null : customers.requireVisible(viewer.access(), named);
                return outbox.search(viewer.access(), OutboxFilter.of(status, customerId, template, q, before, SHOWN));
            }).orElse(List.of());
        }
        return found;
    }

    /** The opened message with its responses, or null (none asked for, or the service refused it: its message says why). */
    public OutboxView getMessage() {
        if (shown == null) {
            shown = message == null || message.isBlank() ? Optional.empty()
                    : feedback.attempt(null, () -> outbox.requireWithResponses(viewer.access(), id(message)));
        }
        return shown.orElse(null);
    }

    /** How the opened message renders now ({@link OutboxService#rendering}), or null. */
    public RenderedMail getRendering() {
        if (rendering == null) {
            OutboxView m = getMessage();
            rendering = m == null ? Optional.empty() : feedback.attempt(null, () -> outbox.rendering(viewer.access(), m.id));
        }
        return rendering.orElse(null);
    }

    /** Whether the resend button is offered; the service asks again whoever posts. */
    public boolean isMayResend() {
        return viewer.access().isEverything();
    }

    /** Sends the message named by the request parameter {@code message} again; it stays open, redrawn. */
    public void resend() {
        String asked = faces.getExternalContext().getRequestParameterMap().get("message");
        feedback.attempt(null, () -> outbox.resend(viewer.access(), id(asked)))
                .ifPresent(m -> feedback.info(texts.format("outbox.resent", Long.toString(m.id))));
        message = asked;
        shown = null;
        rendering = null;
        getRendering(); // read now, so a refusal is among the messages redrawn with it
    }

    public int getLimit() {
        return SHOWN;
    }

    public List<OutboxStatus> getStatuses() {
        return Arrays.asList(OutboxStatus.values());
    }

    public List<String> getTemplates() {
        return MailTemplate.names();
    }

    /** This search with the message {@code id} open. */
    public String open(long id) {
        return link(Map.of("message", Long.toString(id)));
    }

    /** This search, the next {@link #SHOWN} older messages; null when this page was not full. */
    public String getOlder() {
        List<OutboxView> messages = getMessages();
        return messages.size() < SHOWN ? null : link(Map.of("before", Long.toString(messages.get(messages.size() - 1).id)));
    }

    /** The page's address with the search's parameters and {@code extra}. */
    private String link(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("customer", customer);
        params.put("template", template);
        params.put("q", q);
        params.put("before", before);
        params.putAll(extra);
        String query = params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return faces.getExternalContext().getRequestContextPath() + "/outbox" + (query.isEmpty() ? "" : "?" + query);
    }

    /** A moment in the reader's zone and language. */
    public String when(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.getLocale()).format(at.atZone(readerZone()));
    }

    private ZoneId readerZone() {
        if (readerZone == null) {
            readerZone = team.zoneOf(viewer.user());
        }
        return readerZone;
    }

    private static long id(String text) {
        return Params.id("message", text).orElseThrow(() -> new InvalidInput("message: which one? Not an id: " + text));
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getMessageId() {
        return message;
    }

    public void setMessageId(String message) {
        this.message = message;
    }
}
