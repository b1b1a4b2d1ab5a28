-- The responses report's period: customer mail by when it was sent (GET /api/reports/responses). Without it each report
-- reads every sent message. (The netweaving report's introduction.proposed_at index is V11_30.)
ALTER TABLE outbox_message ADD KEY ix_outbox_sent (status, sent_at);
