-- The audit trail (issue 13): who did what and when, with a small before -> after of what changed (personal values of
-- customers never written: org.rapport.audit.Redaction) and the request id. Append-only: nothing in the application
-- updates or deletes a row (AuditLogTest), and the triggers of V13_2 make the database refuse it too.
-- actor_id is the login's app_user.id as it was, without a foreign key: a login removed later keeps its events, and
-- actor_name keeps the name it had. Both NULL: the system (a job, the start). A failed login has actor_id NULL and
-- the name tried in actor_name.
-- Read newest first by id (ids rise with inserts; occurred_at follows the injected clock, which tests may freeze), so
-- each filter has an index ending in id; from/to filter on occurred_at within that range.
CREATE TABLE audit_event (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at   DATETIME(3)   NOT NULL,
  actor_id      BIGINT        NULL,
  actor_name    VARCHAR(64)   NULL,
  kind          VARCHAR(32)   NOT NULL,
  subject_type  VARCHAR(32)   NULL,
  subject_id    VARCHAR(128)  NULL,
  before_state  TEXT          NULL,
  after_state   TEXT          NULL,
  request_id    VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  KEY ix_audit_event_kind (kind, id),
  KEY ix_audit_event_actor (actor_name, id),
  KEY ix_audit_event_time (occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
