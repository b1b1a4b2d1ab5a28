-- The problems report's outcome read asks, of each check-in email and each email after an unanswered call, whether a
-- reply came and which rating came last (issue 14, docs/benchmarks.md §15). By ix_response_outbox (outbox_id) each
-- question read every response row of the message and sorted the ratings; with the kind and the time in the index the
-- reply is a probe of the index alone and the last rating its last entry (InnoDB appends the id: the tie-break).
-- It replaces ix_response_outbox (every use of that one is a prefix of this one, the foreign key's too).
-- Online (InnoDB, no table copy): an older instance keeps running.
ALTER TABLE mail_response
  DROP KEY ix_response_outbox,
  ADD KEY ix_response_outbox_kind (outbox_id, kind, occurred_at),
  ALGORITHM = INPLACE, LOCK = NONE;
