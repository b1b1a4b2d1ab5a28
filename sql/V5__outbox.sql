-- Email: every message is an outbox row first, written in the transaction of the change that caused it, and sent later
-- by the dispatcher. The responses a message draws (clicks, replies, bounces, unsubscribes) are rows of their own.

-- Contact state that only the customer (or a bounce) changes: kept apart from the imported email_ok flag, so that a
-- later CSV import can never re-subscribe someone who unsubscribed.
ALTER TABLE customer
  ADD COLUMN unsubscribed_at DATETIME(3) NULL AFTER do_not_contact,
  ADD COLUMN stopped_purposes SET('THANK_YOU','CHECK_IN','INTRODUCTION','REWARD') NOT NULL DEFAULT '' AFTER unsubscribed_at,
  ADD COLUMN email_bouncing_at DATETIME(3) NULL AFTER stopped_purposes;

CREATE TABLE outbox_message (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  idempotency_key  VARCHAR(191)  NOT NULL,
  template         VARCHAR(64)   NOT NULL,
  purpose          VARCHAR(16)   NOT NULL, -- THANK_YOU, CHECK_IN, INTRODUCTION, REWARD (customer mail) or INTERNAL
  customer_id      BIGINT        NULL,     -- set for mail to a customer
  salesperson_id   BIGINT        NULL,     -- the recipient of internal mail
  locale           VARCHAR(35)   NULL,     -- NULL: the recipient's own
  fields           TEXT          NOT NULL, -- JSON: what the cause adds to the template model
  status           VARCHAR(12)   NOT NULL, -- PENDING, SENDING, SENT, FAILED, SUPPRESSED
  not_before       DATETIME(3)   NOT NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  claimed_by       VARCHAR(100)  NULL,
  claimed_until    DATETIME(3)   NULL,
  message_id       VARCHAR(255)  NOT NULL, -- the RFC 5322 Message-ID, reused on every attempt
  recipient        VARCHAR(254)  NULL,
  subject          VARCHAR(500)  NULL,
  last_error       VARCHAR(1000) NULL,
  created_at       DATETIME(3)   NOT NULL,
  last_attempt_at  DATETIME(3)   NULL,
  sent_at          DATETIME(3)   NULL,
  closed_at        DATETIME(3)   NULL,     -- when it became SENT, FAILED or SUPPRESSED
  UNIQUE KEY uk_outbox_idempotency (idempotency_key),
  UNIQUE KEY uk_outbox_message_id (message_id),
  KEY ix_outbox_due (status, not_before),
  KEY ix_outbox_claim (status, claimed_until),
  KEY ix_outbox_customer (customer_id, created_at),
  CONSTRAINT fk_outbox_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_outbox_salesperson FOREIGN KEY (salesperson_id) REFERENCES salesperson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mail_response (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  outbox_id          BIGINT        NULL,
  customer_id        BIGINT        NULL,
  kind               VARCHAR(16)   NOT NULL, -- CLICK, REPLY, AUTO_REPLY, BOUNCE, UNSUBSCRIBE, PREFERENCES
  occurred_at        DATETIME(3)   NOT NULL,
  detail             VARCHAR(2000) NULL,
  inbound_message_id VARCHAR(255)  NULL,     -- Message-ID of an ingested email: the same email is counted once
  UNIQUE KEY uk_response_inbound (inbound_message_id),
  KEY ix_response_outbox (outbox_id),
  KEY ix_response_customer (customer_id, occurred_at),
  CONSTRAINT fk_response_outbox FOREIGN KEY (outbox_id) REFERENCES outbox_message (id),
  CONSTRAINT fk_response_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The key that signs links in emails when none is configured: generated once, shared by every instance.
CREATE TABLE link_key (
  id          INT           NOT NULL PRIMARY KEY,
  secret      VARBINARY(64) NOT NULL,
  created_at  DATETIME(3)   NOT NULL
) ENGINE = InnoDB;
