-- Corrections in the reward ledger (issue 10 §4: "corrections are new entries, never edits"). A correction is an entry of
-- kind CORRECTION appended to reward_entry: its status is the reward's status when it was made (a correction moves no
-- status), value_change the signed change of the reward's value (NULL when it corrects only what was given), reason why
-- and description what was given, as corrected. Every entry before this migration, and every status an entry records
-- afterwards, is of kind STATUS. The reward row and its value stay as proposed: the value now is the value plus the
-- changes of its corrections, and a team's budget counts them in the quarter the reward was approved in.
ALTER TABLE reward_entry
  ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'STATUS' AFTER reward_id,
  ADD COLUMN value_change DECIMAL(19,2) NULL AFTER status;
