package org.rapport.retention;

/** The tables whose text retention removes, walked by their primary key. The names go into SQL as they are. */
public enum RetainedTable {
    OUTBOX_MESSAGE("outbox_message"), MAIL_RESPONSE("mail_response"), TOUCH("touch"), PLANNED_TOUCH("planned_touch"),
    POLL_ANSWER("poll_answer");

    private final String table;

    RetainedTable(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }
}
