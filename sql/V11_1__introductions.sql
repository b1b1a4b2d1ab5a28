-- Netweaving: introductions between two customers (issue 10 §2–§3). The stage is netweaving.IntroductionStage; every
-- change of stage, approval of one side and reminder is a row of introduction_event, which is only ever appended to.
-- The matcher's runs are kept with what they examined.

CREATE TABLE match_run (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at       DATETIME(3)  NOT NULL,
  finished_at      DATETIME(3)  NULL,
  started_by       VARCHAR(64)  NOT NULL,
  customers        INT          NOT NULL DEFAULT 0,
  candidate_pairs  BIGINT       NOT NULL DEFAULT 0,
  proposed         INT          NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE introduction (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- the customer who needs what the other offers: asked for consent first
  first_customer_id   BIGINT        NOT NULL,
  second_customer_id  BIGINT        NOT NULL,
  -- the pair in either order, for "introduced, declined or expired in the last 12 months"
  pair_low            BIGINT        AS (LEAST(first_customer_id, second_customer_id)) STORED,
  pair_high           BIGINT        AS (GREATEST(first_customer_id, second_customer_id)) STORED,
  stage               VARCHAR(32)   NOT NULL,
  stage_since         DATETIME(3)   NOT NULL,
  -- category codes, ';'-separated: what the first needs and the second offers, and the other way round (mutual fit)
  first_needs         VARCHAR(1000) NOT NULL,
  second_needs        VARCHAR(1000) NOT NULL DEFAULT '',
  score               INT           NOT NULL,
  explanation         VARCHAR(500)  NOT NULL,
  -- each side is approved by its customer's current owner or their manager (netweaving.IntroductionApproval)
  first_approved      BOOLEAN       NOT NULL DEFAULT FALSE,
  second_approved     BOOLEAN       NOT NULL DEFAULT FALSE,
  match_run_id        BIGINT        NULL,
  proposed_at         DATETIME(3)   NOT NULL,
  -- set when a consent request goes out and when its one reminder does (cleared by the next request)
  consent_requested_at DATETIME(3)  NULL,
  reminded_at         DATETIME(3)   NULL,
  introduced_at       DATETIME(3)   NULL,
  deal_value          DECIMAL(19,2) NULL,
  deal_currency       CHAR(3)       NULL,
  KEY ix_introduction_stage (stage, stage_since),
  KEY ix_introduction_first (first_customer_id, stage),
  KEY ix_introduction_second (second_customer_id, stage),
  KEY ix_introduction_pair (pair_low, pair_high),
  CONSTRAINT fk_introduction_first FOREIGN KEY (first_customer_id) REFERENCES customer (id),
  CONSTRAINT fk_introduction_second FOREIGN KEY (second_customer_id) REFERENCES customer (id),
  CONSTRAINT fk_introduction_run FOREIGN KEY (match_run_id) REFERENCES match_run (id),
  CONSTRAINT ck_introduction_two_customers CHECK (first_customer_id <> second_customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who did what to an introduction, and when: "PROPOSED", a stage change (stage_from → stage_to), "APPROVED_SIDE" (one
-- owner's yes while the other's is still awaited) or "REMINDED". actor is a login, "rapport" for the service itself,
-- or "customer:<external id>" for an answer through a consent link.
CREATE TABLE introduction_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  introduction_id  BIGINT        NOT NULL,
  kind             VARCHAR(32)   NOT NULL,
  stage_from       VARCHAR(32)   NULL,
  stage_to         VARCHAR(32)   NOT NULL,
  actor            VARCHAR(100)  NOT NULL,
  note             VARCHAR(1000) NULL,
  occurred_at      DATETIME(3)   NOT NULL,
  KEY ix_introduction_event (introduction_id, id),
  CONSTRAINT fk_introduction_event FOREIGN KEY (introduction_id) REFERENCES introduction (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
