-- The problems report (issue 14), measured at 1M customers and 100k problems (docs/benchmarks.md §15):
-- * ix_problem_opened: a report of a short period read every problem to find the period's (an admin's 30 days: the
--   whole table for 8 % of it); with it, the period is a range.
-- * ix_problem_repeat: whether a problem repeats its customer's same category of the 90 days before was a look-up of
--   all the customer's problems by ix_problem_customer and a read of each row; with the category and the date in the
--   index, one covering range probe.
-- * ix_planned_cause: a problem's follow-up call and check-in are found by their cause; without it the report read every
--   planned touch (a table that grows with every rule's touches). All three are added online (InnoDB, no table copy),
--   so an older instance keeps running.
ALTER TABLE problem
  ADD KEY ix_problem_opened (opened_at),
  ADD KEY ix_problem_repeat (customer_id, category, opened_at);
ALTER TABLE planned_touch
  ADD KEY ix_planned_cause (cause_id, rule);
