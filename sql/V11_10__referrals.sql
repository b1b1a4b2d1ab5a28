-- Customers who recommend a prospect (issue 10 §5). A referral is a lead for the referring customer's salesperson;
-- once the prospect becomes a customer (imported with referred_by) customer_id names them and the referrer is credited.
CREATE TABLE referral (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  referrer_id       BIGINT        NOT NULL,
  prospect_name     VARCHAR(200)  NOT NULL,
  prospect_company  VARCHAR(200)  NULL,
  prospect_email    VARCHAR(254)  NULL,
  prospect_phone    VARCHAR(40)   NULL,
  note              VARCHAR(1000) NULL,
  -- API (a salesperson or admin), FORM (the customer, through the signed link in a thank-you note) or IMPORT (a customer
  -- imported with referred_by and no referral recorded before)
  source            VARCHAR(8)    NOT NULL,
  created_by        VARCHAR(100)  NOT NULL,
  created_at        DATETIME(3)   NOT NULL,
  customer_id       BIGINT        NULL,
  converted_at      DATETIME(3)   NULL,
  UNIQUE KEY uk_referral_customer (customer_id),
  KEY ix_referral_referrer (referrer_id, created_at),
  CONSTRAINT fk_referral_referrer FOREIGN KEY (referrer_id) REFERENCES customer (id),
  CONSTRAINT fk_referral_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
