-- One row per scheduled planning time that was served. The primary key is the claim: of all instances, and of all
-- starts after a downtime, exactly one plans for a given time, and only the latest missed time is ever served.
CREATE TABLE planning_run (
  slot            DATETIME(3)   NOT NULL PRIMARY KEY,
  started_at      DATETIME(3)   NOT NULL,
  finished_at     DATETIME(3)   NULL,
  customers       INT           NULL,
  proposals       INT           NULL,
  created         INT           NULL,
  emails_queued   INT           NULL,
  instance        VARCHAR(200)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
