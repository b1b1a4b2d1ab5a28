-- What the planner decided. plan_key is deterministic (rule, customer, cause): planning twice, or on two instances at
-- once, finds the row already there. Calls and visits wait here for a call list; emails also get an outbox row.
CREATE TABLE planned_touch (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_key        VARCHAR(191)  NOT NULL,
  rule            VARCHAR(32)   NOT NULL,
  channel         VARCHAR(8)    NOT NULL, -- CALL, VISIT, EMAIL
  customer_id     BIGINT        NOT NULL,
  salesperson_id  BIGINT        NULL,     -- the customer's owner when it was planned
  cause_id        BIGINT        NULL,     -- the problem or purchase behind it
  due_on          DATE          NOT NULL, -- customer-local date
  due_by          DATE          NOT NULL,
  priority        INT           NOT NULL,
  reason          VARCHAR(300)  NOT NULL,
  status          VARCHAR(12)   NOT NULL, -- OPEN, DONE, CANCELLED; emails: QUEUED once in the outbox
  outbox_id       BIGINT        NULL,
  tries           INT           NOT NULL DEFAULT 0,
  not_before_on   DATE          NULL,     -- a retry or a reschedule waits until this date
  outcome         VARCHAR(16)   NULL,
  note            VARCHAR(1000) NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  closed_at       DATETIME(3)   NULL,
  UNIQUE KEY uk_planned_key (plan_key),
  KEY ix_planned_owner (salesperson_id, status, due_on),
  KEY ix_planned_customer (customer_id, status),
  KEY ix_planned_created (created_at, channel),
  CONSTRAINT fk_planned_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_planned_salesperson FOREIGN KEY (salesperson_id) REFERENCES salesperson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
