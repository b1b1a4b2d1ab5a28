-- Whether a rule or a person proposed a reward (issue 10 §4: a rule rewards one cause once). The origin is part of the
-- subject's unique key, so a rule's reward has a slot of its own for each (kind, customer, subject): a person's proposal,
-- in whatever spelling the collation takes for the rule's subject (fullwidth digits, a soft hyphen), never takes it.
-- Every reward is a person's here; V11_77 marks the rules' (data apart from this ALTER).
ALTER TABLE reward
  ADD COLUMN origin VARCHAR(8) NOT NULL DEFAULT 'PERSON' AFTER subject,
  DROP INDEX uk_reward_subject,
  ADD UNIQUE KEY uk_reward_subject (kind, customer_id, subject, origin),
  ADD CONSTRAINT ck_reward_origin CHECK (origin IN ('RULE', 'PERSON'));
