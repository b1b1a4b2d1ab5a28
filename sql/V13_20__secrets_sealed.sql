-- Secrets at rest (platform/secrets). The link key Rapport generated was kept in plain text: from now on it is kept
-- sealed (AES-256-GCM under the master key, RAPPORT_SECRET_KEY) in `sealed`. The first start of this version seals the
-- plain secret and clears it (a migration cannot: the key is not in the database). `secret` becomes nullable for that;
-- an older instance still running keeps the key it read at its start, and one started afterwards stops, as key 0 is
-- gone from its view of the table (docs/operations.md).
ALTER TABLE link_key
  MODIFY secret VARBINARY(64) NULL,
  ADD COLUMN sealed VARCHAR(255) NULL;

-- Keys Rapport generates once and keeps sealed, by name (the suppression list's hash key), and the check value that
-- stops an instance given another master key at its start.
CREATE TABLE sealed_secret (
  name        VARCHAR(64)   NOT NULL PRIMARY KEY,
  sealed      VARCHAR(255)  NOT NULL,
  created_at  DATETIME(3)   NOT NULL
) ENGINE = InnoDB;
