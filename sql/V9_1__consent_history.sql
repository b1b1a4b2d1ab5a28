-- The customer view shows how a customer unsubscribed and when they chose their purposes, so that a salesperson sees
-- it before calling. Written only by the customers feature (ConsentService).
ALTER TABLE customer
  ADD COLUMN unsubscribed_via VARCHAR(16) NULL AFTER unsubscribed_at,
  ADD COLUMN purposes_stopped_at DATETIME(3) NULL AFTER stopped_purposes;
