-- Polls (issue 14): a manager's or admin's short questionnaire sent to a sample of customers, and their answers.
-- Safe beside an older instance: new tables older code never names, and one more value at the end of a SET, which only
-- the new version writes (a customer who stops polls on its preferences page).

-- The customer may stop poll emails on the preferences page like any other purpose (Consent.Purpose.POLLS).
ALTER TABLE customer
  MODIFY COLUMN stopped_purposes SET('THANK_YOU','CHECK_IN','INTRODUCTION','REWARD','POLLS') NOT NULL DEFAULT '';

-- A poll's definition. team_id is the defining manager's salesperson id (the poll reaches their team only), NULL for an
-- admin's poll. audience: ALL, TIER, REGION, TEAM (audience_value: the team manager's salesperson id), PROBLEM
-- (audience_value: N days). Exactly one of sample_size and sample_share. status: polls.PollStatus.
CREATE TABLE poll (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title           VARCHAR(200)  NOT NULL,
  created_by      BIGINT        NOT NULL,
  team_id         BIGINT        NULL,
  audience        VARCHAR(16)   NOT NULL,
  audience_value  VARCHAR(64)   NULL,
  sample_size     INT           NULL,
  sample_share    DECIMAL(5,4)  NULL,
  starts_on       DATE          NOT NULL,
  ends_on         DATE          NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  created_at      DATETIME(3)   NOT NULL,
  KEY ix_poll_status (status, starts_on),
  KEY ix_poll_team (team_id, id),
  CONSTRAINT ck_poll_sample CHECK ((sample_size IS NULL) <> (sample_share IS NULL)),
  CONSTRAINT ck_poll_dates CHECK (ends_on >= starts_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Up to three questions per poll. kind: SCALE_5, SCALE_10, CHOICE, TEXT; choices: a JSON array of labels for CHOICE.
CREATE TABLE poll_question (
  poll_id   BIGINT        NOT NULL,
  position  TINYINT       NOT NULL,
  kind      VARCHAR(16)   NOT NULL,
  text_en   VARCHAR(500)  NOT NULL,
  text_de   VARCHAR(500)  NULL,
  choices   TEXT          NULL,
  PRIMARY KEY (poll_id, position),
  CONSTRAINT fk_poll_question_poll FOREIGN KEY (poll_id) REFERENCES poll (id),
  CONSTRAINT ck_poll_question_position CHECK (position BETWEEN 1 AND 3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who was sent the poll. The rule "one poll per customer per N days" counts from selected_at.
CREATE TABLE poll_recipient (
  poll_id      BIGINT       NOT NULL,
  customer_id  BIGINT       NOT NULL,
  outbox_id    BIGINT       NULL,
  selected_at  DATETIME(3)  NOT NULL,
  answered_at  DATETIME(3)  NULL,
  PRIMARY KEY (poll_id, customer_id),
  KEY ix_poll_recipient_customer (customer_id, selected_at),
  CONSTRAINT fk_poll_recipient_poll FOREIGN KEY (poll_id) REFERENCES poll (id),
  CONSTRAINT fk_poll_recipient_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Answers. A link answer is one row per (poll, customer, question), replaced by a later POST while the poll is open
-- (link_position is its unique key: NULL for replies); a reply's free text is one row per inbound email (position 0,
-- via REPLY, deduplicated by inbound_message_id).
CREATE TABLE poll_answer (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  poll_id             BIGINT        NOT NULL,
  customer_id         BIGINT        NOT NULL,
  position            TINYINT       NOT NULL,
  score               SMALLINT      NULL,
  choice              VARCHAR(200)  NULL,
  text                TEXT          NULL,
  via                 VARCHAR(8)    NOT NULL,
  inbound_message_id  VARCHAR(255)  NULL,
  answered_at         DATETIME(3)   NOT NULL,
  link_position       TINYINT       AS (CASE WHEN via = 'LINK' THEN position END) STORED,
  UNIQUE KEY uk_poll_answer_link (poll_id, customer_id, link_position),
  UNIQUE KEY uk_poll_answer_reply (poll_id, inbound_message_id),
  KEY ix_poll_answer_position (poll_id, position),
  KEY ix_poll_answer_customer (customer_id),
  CONSTRAINT fk_poll_answer_poll FOREIGN KEY (poll_id) REFERENCES poll (id),
  CONSTRAINT fk_poll_answer_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT ck_poll_answer_via CHECK (via IN ('LINK', 'REPLY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
