-- Who holds a call now: the salesperson a manager gave it to (assignee_id), else the customer's current owner. Kept on
-- the row so that a salesperson's open calls are one range of ix_planned_holder instead of a walk over the ~500
-- customers they own (salesperson_id stays what it says: the owner when the touch was planned). Written by the planner
-- when it plans a touch, by PlannedTouches when a call is given to someone, and by the customer import when a
-- customer's owner changes (PlannedTouches.followOwners), in the same transaction as that change.
-- Nullable: an older instance still running plans rows without it until it is replaced (their calls reach the lists
-- once the customer's owner changes or this backfill runs again; see docs/architecture.md).
ALTER TABLE planned_touch
  ADD COLUMN holder_id BIGINT NULL AFTER assignee_id,
  ADD KEY ix_planned_holder (holder_id, status, due_on),
  ADD CONSTRAINT fk_planned_holder FOREIGN KEY (holder_id) REFERENCES salesperson (id);

UPDATE planned_touch p JOIN customer c ON c.id = p.customer_id
   SET p.holder_id = COALESCE(p.assignee_id, c.owner_id);
