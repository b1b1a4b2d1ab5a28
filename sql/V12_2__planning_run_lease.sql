-- A claim of a planning time holds it for a lease, which its plan renews as it goes (claimed_until). A plan that fails
-- gives the time back for a pause (given_back_at, claimed_until); a plan whose instance died or lost the database cannot,
-- and its lease runs out. Then the next try takes the time over: tries counts the claims of the time, and
-- taken_over_from names the instance of the try before. Safe beside older instances: their claims have no lease
-- (claimed_until NULL, held for one lease from started_at), and their statements never name these columns.
ALTER TABLE planning_run
  ADD COLUMN tries           INT           NOT NULL DEFAULT 1,
  ADD COLUMN claimed_until   DATETIME(3)   NULL,
  ADD COLUMN given_back_at   DATETIME(3)   NULL,
  ADD COLUMN taken_over_from VARCHAR(200)  NULL;
