-- The suppression list: a keyed hash (HMAC-SHA-256, the key kept sealed in sealed_secret) of each email address that
-- must never be contacted again, e.g. of an erased customer. Never the address itself.
CREATE TABLE suppressed_address (
  address_hash  BINARY(32)   NOT NULL PRIMARY KEY,
  source        VARCHAR(16)  NOT NULL,
  added_at      DATETIME(3)  NOT NULL
) ENGINE = InnoDB;
