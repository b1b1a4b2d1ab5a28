-- Rewards (netweaving): what a rule proposed for which customer, and the ledger of everything that happened to it.
--
-- A rule proposes a reward once per subject: (kind, customer_id, subject) is unique, so a second run, a second
-- instance or a repeated event finds the first reward instead of adding one. The subject names the cause: the
-- introduction, the anniversary ("5 years"), the year the top tier was reached, the referral.
--
-- value and currency are the rule's at proposal time (a later rule change leaves proposed rewards as they are).
-- owner_id and team_id are the customer's owner and the owner's team (their manager, or the owner when they have none)
-- at proposal: the team's quarterly budget counts the reward, whoever looks after the customer later. Who may see and
-- decide follows the customer's current owner (platform.security.Access), as for every other record of a customer.
--
-- status is the status of the reward's last ledger entry, kept in the same transaction as the entry is appended. It is
-- there for the queries (GET /api/rewards?status=, and a move that checks the status it leaves under a row lock), so
-- that none has to find each reward's latest entry. It is the only column of a reward that changes; the ledger says
-- how and when it did.
CREATE TABLE reward (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id  BIGINT        NOT NULL,
  kind         VARCHAR(32)   NOT NULL,
  subject      VARCHAR(100)  NOT NULL,
  value        DECIMAL(19,2) NOT NULL,
  currency     CHAR(3)       NOT NULL,
  reason       VARCHAR(500)  NOT NULL,
  proposed_by  VARCHAR(64)   NULL,     -- the login that proposed it; NULL when a rule did
  owner_id     BIGINT        NULL,
  team_id      BIGINT        NULL,
  status       VARCHAR(16)   NOT NULL,
  proposed_at  DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_reward_subject (kind, customer_id, subject),
  KEY ix_reward_customer (customer_id),
  KEY ix_reward_team (team_id),
  KEY ix_reward_status (status, id),
  CONSTRAINT fk_reward_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_reward_owner FOREIGN KEY (owner_id) REFERENCES salesperson (id),
  CONSTRAINT fk_reward_team FOREIGN KEY (team_id) REFERENCES salesperson (id),
  CONSTRAINT ck_reward_value CHECK (value >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The ledger: append-only. Every status a reward took, with who (NULL: a rule), when and why (the proposal's reason,
-- the rejection's reason) or what was given (GIFT, DISCOUNT, DONATION, NOTE and a description, and the reward-notice
-- email queued for it). No statement updates or deletes an entry (RewardLedgerTest reads every mapper to keep it so);
-- a correction is a new entry.
CREATE TABLE reward_entry (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reward_id          BIGINT        NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  actor              VARCHAR(64)   NULL,
  at                 DATETIME(3)   NOT NULL,
  reason             VARCHAR(1000) NULL,
  given              VARCHAR(16)   NULL,
  description        VARCHAR(500)  NULL,
  outbox_message_id  BIGINT        NULL,
  KEY ix_reward_entry_reward (reward_id, id),
  KEY ix_reward_entry_status_at (status, at),
  CONSTRAINT fk_reward_entry_reward FOREIGN KEY (reward_id) REFERENCES reward (id),
  CONSTRAINT fk_reward_entry_outbox FOREIGN KEY (outbox_message_id) REFERENCES outbox_message (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
