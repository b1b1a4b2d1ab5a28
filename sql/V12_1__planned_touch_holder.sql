-- Who holds a call now: the salesperson a manager gave it to (assignee_id), else the customer's current owner. Kept on
-- the row so that a salesperson's open calls are one range of ix_planned_holder instead of a walk over the ~500
-- customers they own (salesperson_id stays what it says: the owner when the touch was planned). Written by the planner
-- with each new row and by a manager's decision; PlanningMapper.reconcileHolders sets it right after an import changed
-- owners and over every page of each plan, which also mends the rows an older instance writes during a rolling upgrade
-- (within the hour, at the next plan).
-- Online: the column is added in place without copying the table, the index without blocking writes; no foreign key,
-- which would make MariaDB copy the table (about 10 million rows at a million customers). The backfill is one
-- statement over the calls still to be made only; the others are never read by holder.
ALTER TABLE planned_touch ADD COLUMN holder_id BIGINT NULL AFTER assignee_id, ALGORITHM = INSTANT;
ALTER TABLE planned_touch ADD KEY ix_planned_holder (holder_id, status, due_on), ALGORITHM = INPLACE, LOCK = NONE;

UPDATE planned_touch p JOIN customer c ON c.id = p.customer_id
   SET p.holder_id = COALESCE(p.assignee_id, c.owner_id)
 WHERE p.status IN ('OPEN', 'ESCALATED');
