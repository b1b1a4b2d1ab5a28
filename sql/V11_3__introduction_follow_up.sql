-- The "did you meet?" email of an introduction (issue 10 §3, follow-up): when it was queued, so that it goes once.
-- Introductions due for it are found by ix_introduction_stage (stage INTRODUCED, stage_since old enough).
ALTER TABLE introduction ADD COLUMN follow_up_at DATETIME(3) NULL AFTER introduced_at;
