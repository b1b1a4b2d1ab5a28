-- Whether a message keeps to its customer's send window (08:00-18:00 local on business days by default): planned
-- customer email does, from its first attempt, so its retries and deferrals go back into the window too. Email a
-- caller composes leaves when the caller said.
ALTER TABLE outbox_message ADD COLUMN send_window BOOLEAN NOT NULL DEFAULT FALSE AFTER not_before;

UPDATE outbox_message SET send_window = TRUE
 WHERE customer_id IS NOT NULL AND idempotency_key LIKE 'plan:%' AND status IN ('PENDING', 'SENDING');
