-- How often a resolved problem was opened again. Each resolution is a round of its own: its follow-up call, check-in
-- and re-sell call are planned under keys with the round (follow-up:<id>, then follow-up:<id>#1, ...), so a problem
-- resolved a second time is followed up again instead of finding its first round's keys taken.
ALTER TABLE problem ADD COLUMN reopened INT NOT NULL DEFAULT 0;
