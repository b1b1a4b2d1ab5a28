-- The problems report's outcome read (issue 14, docs/benchmarks.md §15) found a problem's follow-up calls and check-ins by
-- ix_planned_cause (cause_id, rule) and then fetched each touch's row for its status, outcome, outbox id and plan key
-- (the plan key names the call's round, which the email after an unanswered call is keyed by): at 100k problems most of
-- the read's time. The same index widened by those columns answers it alone; it replaces ix_planned_cause (every use of
-- that one is a prefix of this one), so planned_touch keeps as many indexes as before.
-- Online (InnoDB, no table copy): an older instance keeps running.
ALTER TABLE planned_touch
  DROP KEY ix_planned_cause,
  ADD KEY ix_planned_cause_outcome (cause_id, rule, status, outcome, outbox_id, plan_key),
  ALGORITHM = INPLACE, LOCK = NONE;
