-- One matching run at a time across every instance: a run holds this one row locked (FOR UPDATE SKIP LOCKED) for its
-- whole transaction, so a second run finds it taken and is refused at once. A crashed run's lock goes with its connection.
CREATE TABLE match_lock (
  id  TINYINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO match_lock (id) VALUES (1);
