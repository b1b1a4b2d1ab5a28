-- One poll sending at a time across every instance: a sending holds this one row locked for its transaction, so two
-- polls sent at the same moment (two managers, the job and a "send now") draw one after the other, and the second sees
-- the customers the first selected (one poll per customer in polls.min_days_between days, the cap on outreach email).
CREATE TABLE poll_send_lock (
  id  TINYINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO poll_send_lock (id) VALUES (1);
