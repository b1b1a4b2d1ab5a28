-- The problems report (issue 14), measured at 1M customers and 100k problems (docs/benchmarks.md §15):
-- * ix_problem_repeat: whether a problem repeats its customer's same category of the 90 days before was a look-up of
--   all the customer's problems by ix_problem_customer and a read of each row (390 ms of MariaDB's time for 100,000
--   problems); with the category and the date in the index, one covering range probe (120 ms).
-- * ix_planned_cause: a problem's follow-up calls and check-ins are found by their cause; without it the report read
--   every planned touch (a table that grows with every rule's touches) or all the touches of each problem's customer.
-- No index on problem.opened_at: MariaDB read the whole problem table even for 30 days of 12 months (8 %) and took
-- 48 ms for it; an index it does not choose would only slow every problem written.
-- Both are added online (InnoDB, no table copy), so an older instance keeps running.
ALTER TABLE problem
  ADD KEY ix_problem_repeat (customer_id, category, opened_at);
ALTER TABLE planned_touch
  ADD KEY ix_planned_cause (cause_id, rule);
