-- The netweaving report (issue 10 benchmark: 100,000 introductions, 600,000 events). Its period filters introductions on
-- proposed_at, which had no index: every report read the whole table, however short the period. Its funnel and stays
-- read each reported introduction's events (kind, stage_to, occurred_at): with them in the index, that is one covering
-- range per introduction instead of a primary-key look-up per event. The index still starts with
-- (introduction_id, id), so the history's "WHERE introduction_id = ? ORDER BY id" and the foreign key are served as before.
ALTER TABLE introduction ADD KEY ix_introduction_proposed (proposed_at);

ALTER TABLE introduction_event
  DROP KEY ix_introduction_event,
  ADD KEY ix_introduction_event (introduction_id, id, kind, stage_to, occurred_at);
