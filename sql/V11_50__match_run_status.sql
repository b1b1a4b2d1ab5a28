-- A matching run stores its proposals in chunks, each committed on its own (issue 10: a million customers at -Xmx512m
-- without one giant transaction). So a run can now stop half way: its status says how it ended, failure why, and
-- proposed always counts the proposals stored (raised in the transaction of each chunk). Runs before this change
-- were one transaction each, so every stored row is a finished run.
ALTER TABLE match_run
  ADD COLUMN status  VARCHAR(16)   NOT NULL DEFAULT 'FINISHED' AFTER started_by,
  ADD COLUMN failure VARCHAR(1000) NULL AFTER status;

ALTER TABLE match_run ALTER COLUMN status DROP DEFAULT;
