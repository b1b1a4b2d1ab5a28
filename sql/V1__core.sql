-- Rapport core schema. All times are UTC (DATETIME(3)); dates are local calendar dates.

CREATE TABLE salesperson (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  external_id     VARCHAR(64)  NOT NULL,
  name            VARCHAR(200) NOT NULL,
  email           VARCHAR(254) NULL,
  time_zone       VARCHAR(64)  NOT NULL,
  region          VARCHAR(16)  NULL,
  daily_capacity  INT          NOT NULL DEFAULT 20,
  working_days    VARCHAR(40)  NOT NULL DEFAULT 'MON-FRI',
  role            VARCHAR(16)  NOT NULL DEFAULT 'SALES',
  manager_id      BIGINT       NULL,
  backup_id       BIGINT       NULL,
  import_hash     BINARY(32)   NULL,
  created_at      DATETIME(3)  NOT NULL,
  updated_at      DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_salesperson_external_id (external_id),
  KEY ix_salesperson_manager (manager_id),
  CONSTRAINT fk_salesperson_manager FOREIGN KEY (manager_id) REFERENCES salesperson (id),
  CONSTRAINT fk_salesperson_backup FOREIGN KEY (backup_id) REFERENCES salesperson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE salesperson_absence (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  salesperson_id  BIGINT       NOT NULL,
  starts_on       DATE         NOT NULL,
  ends_on         DATE         NOT NULL,
  note            VARCHAR(500) NULL,
  KEY ix_absence_salesperson (salesperson_id, starts_on),
  CONSTRAINT fk_absence_salesperson FOREIGN KEY (salesperson_id) REFERENCES salesperson (id) ON DELETE CASCADE,
  CONSTRAINT ck_absence_order CHECK (ends_on >= starts_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username        VARCHAR(64)  NOT NULL,
  password_hash   VARCHAR(512) NOT NULL,
  role            VARCHAR(16)  NOT NULL,
  salesperson_id  BIGINT       NULL,
  enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at      DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_user_username (username),
  CONSTRAINT fk_user_salesperson FOREIGN KEY (salesperson_id) REFERENCES salesperson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One shared taxonomy for what customers offer and need (and for problem categories).
CREATE TABLE category (
  code            VARCHAR(64)  NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  external_id           VARCHAR(64)   NOT NULL,
  company               VARCHAR(200)  NOT NULL,
  contact_first_name    VARCHAR(100)  NULL,
  contact_last_name     VARCHAR(100)  NULL,
  preferred_name        VARCHAR(100)  NULL,
  email                 VARCHAR(254)  NULL,
  phone                 VARCHAR(40)   NULL,
  time_zone             VARCHAR(64)   NOT NULL,
  locale                VARCHAR(35)   NOT NULL DEFAULT 'en',
  region                VARCHAR(16)   NULL,
  industry              VARCHAR(100)  NULL,
  owner_id              BIGINT        NULL,
  tier_pin              VARCHAR(10)   NULL,
  tier                  VARCHAR(10)   NOT NULL DEFAULT 'STANDARD',
  revenue_12m           DECIMAL(19,2) NOT NULL DEFAULT 0,
  customer_since        DATE          NULL,
  annual_revenue        DECIMAL(19,2) NULL,
  email_ok              BOOLEAN       NOT NULL DEFAULT TRUE,
  intro_ok              BOOLEAN       NOT NULL DEFAULT FALSE,
  do_not_contact        BOOLEAN       NOT NULL DEFAULT FALSE,
  preferences           TEXT          NULL,
  personal_notes        TEXT          NULL,
  last_two_way_touch_at DATETIME(3)   NULL,
  import_hash           BINARY(32)    NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_customer_external_id (external_id),
  KEY ix_customer_owner (owner_id, tier),
  KEY ix_customer_tier (tier),
  CONSTRAINT fk_customer_owner FOREIGN KEY (owner_id) REFERENCES salesperson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_category (
  customer_id     BIGINT       NOT NULL,
  kind            VARCHAR(8)   NOT NULL, -- OFFERS or NEEDS
  code            VARCHAR(64)  NOT NULL,
  PRIMARY KEY (customer_id, kind, code),
  KEY ix_customer_category_code (kind, code),
  CONSTRAINT fk_cc_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE,
  CONSTRAINT fk_cc_category FOREIGN KEY (code) REFERENCES category (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE purchase (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  external_id     VARCHAR(64)   NOT NULL,
  customer_id     BIGINT        NOT NULL,
  purchased_on    DATE          NOT NULL,
  amount          DECIMAL(19,2) NOT NULL,
  currency        CHAR(3)       NOT NULL,
  description     VARCHAR(1000) NULL,
  import_hash     BINARY(32)    NULL,
  created_at      DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_purchase_external_id (external_id),
  KEY ix_purchase_customer (customer_id, purchased_on),
  KEY ix_purchase_date (purchased_on, customer_id, amount),
  CONSTRAINT fk_purchase_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE problem (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  external_id     VARCHAR(64)   NOT NULL,
  customer_id     BIGINT        NOT NULL,
  opened_at       DATETIME(3)   NOT NULL,
  resolved_at     DATETIME(3)   NULL,
  severity        VARCHAR(16)   NOT NULL DEFAULT 'MEDIUM',
  category        VARCHAR(64)   NULL,
  summary         VARCHAR(1000) NOT NULL,
  resolution      TEXT          NULL,
  import_hash     BINARY(32)    NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  UNIQUE KEY uk_problem_external_id (external_id),
  KEY ix_problem_customer (customer_id, resolved_at),
  KEY ix_problem_resolved (resolved_at),
  CONSTRAINT fk_problem_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT ck_problem_order CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE touch (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id     BIGINT        NOT NULL,
  salesperson_id  BIGINT        NULL,
  kind            VARCHAR(16)   NOT NULL, -- CALL, VISIT, EMAIL, REPLY, NOTE
  outcome         VARCHAR(16)   NOT NULL, -- REACHED, VOICEMAIL, NO_ANSWER, SENT, REPLIED, BOUNCED, NOTED
  two_way         BOOLEAN       NOT NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  note            TEXT          NULL,
  created_by      VARCHAR(64)   NULL,
  created_at      DATETIME(3)   NOT NULL,
  KEY ix_touch_customer (customer_id, occurred_at),
  CONSTRAINT fk_touch_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT fk_touch_salesperson FOREIGN KEY (salesperson_id) REFERENCES salesperson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
