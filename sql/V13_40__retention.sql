-- When the retention of message bodies removed a message's stored fields and subject (RetentionService): its content
-- can no longer be shown nor the message resent. Nullable, so adding it is instant and an older instance ignores it.
ALTER TABLE outbox_message ADD COLUMN body_removed_at DATETIME(3) NULL;
