-- Money in other currencies. The company currency is the one thresholds (thank-you notes) and tiers (revenue_12m)
-- are counted in; a purchase in another currency is converted with the rate valid on its purchase date: the row of its
-- currency with the latest valid_from on or before that date. One unit of `currency` is worth `rate` units of the
-- company currency. Rates are kept as history (a new rate is a new row), so old purchases keep their own rate.
CREATE TABLE company_currency (
  id          TINYINT      NOT NULL PRIMARY KEY,
  code        CHAR(3)      NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  CONSTRAINT ck_company_currency_one_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO company_currency (id, code, updated_at) VALUES (1, 'EUR', UTC_TIMESTAMP(3));

CREATE TABLE exchange_rate (
  currency     CHAR(3)        NOT NULL,
  valid_from   DATE           NOT NULL,
  rate         DECIMAL(22,10) NOT NULL,
  import_hash  BINARY(32)     NULL,
  updated_at   DATETIME(3)    NOT NULL,
  -- the rate valid on a date is one descending look-up of this key
  PRIMARY KEY (currency, valid_from),
  CONSTRAINT ck_exchange_rate_positive CHECK (rate > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the tier recomputation reads date, customer, amount and currency of a year of purchases: from the index alone
ALTER TABLE purchase DROP INDEX ix_purchase_date, ADD INDEX ix_purchase_date (purchased_on, customer_id, amount, currency);
