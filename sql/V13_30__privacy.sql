-- Customers' data rights (issue 13): erasure and the queue of the requests customers file from their unsubscribe page.
-- Safe beside an older instance: a new nullable column and two new tables that older code never names.

-- When the customer's personal data was erased (privacy.ErasureService). The row stays, anonymised, so that the
-- aggregates reports count (touches, purchases, introductions, rewards) keep their customer.
ALTER TABLE customer ADD COLUMN erased_at DATETIME(3) NULL;

-- One row per erased customer: how the erasure is found again when it is asked for a second time (idempotent) once the
-- external id has been replaced by a marker. external_id_hash is the SHA-256 of the external id the customer had (a CRM
-- key, no secret; not unique: a customer imported again under that id and erased again is a second erasure); reason is
-- the admin's, never the customer's data.
CREATE TABLE customer_erasure (
  customer_id       BIGINT       NOT NULL PRIMARY KEY,
  external_id_hash  BINARY(32)   NOT NULL,
  reason            VARCHAR(500) NOT NULL,
  erased_by         VARCHAR(64)  NOT NULL,
  erased_at         DATETIME(3)  NOT NULL,
  KEY ix_erasure_external_id (external_id_hash, erased_at),
  CONSTRAINT fk_erasure_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Send me my data" / "delete my data" from the customer's unsubscribe page: an admin's queue, never carried out by
-- itself. open_kind is the kind while the request is OPEN (NULL once handled): its unique key lets a customer have one
-- open request of each kind, so a replayed or repeated form adds nothing.
CREATE TABLE data_request (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id   BIGINT       NOT NULL,
  kind          VARCHAR(8)   NOT NULL,
  status        VARCHAR(8)   NOT NULL,
  requested_at  DATETIME(3)  NOT NULL,
  handled_by    VARCHAR(64)  NULL,
  handled_at    DATETIME(3)  NULL,
  open_kind     VARCHAR(8)   AS (CASE WHEN status = 'OPEN' THEN kind END) STORED,
  UNIQUE KEY uk_data_request_open (customer_id, open_kind),
  KEY ix_data_request_status (status, requested_at),
  CONSTRAINT fk_data_request_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
  CONSTRAINT ck_data_request_kind CHECK (kind IN ('EXPORT', 'ERASURE')),
  CONSTRAINT ck_data_request_status CHECK (status IN ('OPEN', 'DONE', 'DECLINED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
