-- A manager decides about an escalated call: taken by the manager or reassigned to a colleague of the team, the call is
-- held by that salesperson instead of the customer's owner (assignee_id; NULL: the customer's owner holds it).
ALTER TABLE planned_touch
  ADD COLUMN assignee_id BIGINT NULL AFTER salesperson_id,
  ADD KEY ix_planned_assignee (assignee_id, status),
  -- escalated calls are few: found through this index, not by reading every open one
  ADD KEY ix_planned_status (status),
  ADD CONSTRAINT fk_planned_assignee FOREIGN KEY (assignee_id) REFERENCES salesperson (id);

-- A salesperson without a daily capacity follows the rule capacity.default_daily: NULL, no longer a stored 20 (a
-- capacity of 0 always meant the rule).
ALTER TABLE salesperson MODIFY daily_capacity INT NULL DEFAULT NULL;
UPDATE salesperson SET daily_capacity = NULL WHERE daily_capacity = 0;
