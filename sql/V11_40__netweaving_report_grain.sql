-- The netweaving report at the grain of each of its parts (issue 10 benchmark, docs/benchmarks.md §8): what it used to
-- derive from every introduction's whole history on each request is kept as it happens, and backfilled here once.

-- The furthest stage of the way to a deal (IntroductionStage.WAY_TO_A_DEAL) an introduction reached: its stage while it
-- is on the way, and where it left the way once declined, expired, withdrawn or without a deal. Written by every move.
ALTER TABLE introduction ADD COLUMN furthest_stage VARCHAR(32) NOT NULL DEFAULT 'PROPOSED' AFTER stage_since;

UPDATE introduction i
   SET i.furthest_stage = CASE
         WHEN i.stage IN ('PROPOSED', 'APPROVED', 'CONSENT_REQUESTED_FIRST', 'CONSENT_REQUESTED_SECOND', 'CONSENTED',
                          'INTRODUCED', 'MET', 'DEAL_CLOSED') THEN i.stage
         ELSE COALESCE((SELECT ELT(MAX(FIELD(e.stage_to, 'PROPOSED', 'APPROVED', 'CONSENT_REQUESTED_FIRST',
                                             'CONSENT_REQUESTED_SECOND', 'CONSENTED', 'INTRODUCED', 'MET', 'DEAL_CLOSED')),
                                   'PROPOSED', 'APPROVED', 'CONSENT_REQUESTED_FIRST', 'CONSENT_REQUESTED_SECOND',
                                   'CONSENTED', 'INTRODUCED', 'MET', 'DEAL_CLOSED')
                          FROM introduction_event e WHERE e.introduction_id = i.id), 'PROPOSED') END
 WHERE i.stage <> 'PROPOSED';

-- The whole minutes an introduction spent in the stage a MOVED event leaves (stage_from): from the change of stage
-- before it (PROPOSED or MOVED) to this one. Null for the other kinds of event.
ALTER TABLE introduction_event ADD COLUMN stay_minutes INT NULL AFTER occurred_at;

UPDATE introduction_event e
  JOIN (SELECT id, TIMESTAMPDIFF(MINUTE, LAG(occurred_at) OVER (PARTITION BY introduction_id ORDER BY id), occurred_at) AS m
          FROM introduction_event WHERE kind IN ('PROPOSED', 'MOVED')) stays ON stays.id = e.id
   SET e.stay_minutes = stays.m
 WHERE e.kind = 'MOVED';

-- The stays per stage of the reported introductions, read from the index alone.
ALTER TABLE introduction_event ADD KEY ix_introduction_event_stay (introduction_id, kind, stage_from, stay_minutes);

-- Each pair of single category codes an introduction joins: one code the first customer needs (and the second offers)
-- with one the second needs of the first ('' when the fit is one-way). Written with the introduction.
CREATE TABLE introduction_need_pair (
  introduction_id  BIGINT       NOT NULL,
  first_code       VARCHAR(64)  NOT NULL,
  second_code      VARCHAR(64)  NOT NULL,
  PRIMARY KEY (introduction_id, first_code, second_code),
  CONSTRAINT fk_need_pair_introduction FOREIGN KEY (introduction_id) REFERENCES introduction (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the ';'-separated lists split once: the n-th code of each list, for n up to the longest list
INSERT INTO introduction_need_pair (introduction_id, first_code, second_code)
WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 200),
     firsts AS (SELECT i.id, SUBSTRING_INDEX(SUBSTRING_INDEX(i.first_needs, ';', n.k), ';', -1) AS code
                  FROM introduction i JOIN n ON n.k <= 1 + LENGTH(i.first_needs) - LENGTH(REPLACE(i.first_needs, ';', ''))
                 WHERE i.first_needs <> ''),
     seconds AS (SELECT i.id, SUBSTRING_INDEX(SUBSTRING_INDEX(i.second_needs, ';', n.k), ';', -1) AS code
                   FROM introduction i JOIN n ON n.k <= 1 + LENGTH(i.second_needs) - LENGTH(REPLACE(i.second_needs, ';', ''))
                  WHERE i.second_needs <> ''
                 UNION ALL
                 SELECT i.id, '' FROM introduction i WHERE i.second_needs = '')
SELECT DISTINCT f.id, f.code, s.code FROM firsts f JOIN seconds s ON s.id = f.id;
