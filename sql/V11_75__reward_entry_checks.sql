-- What V11_70 left to the code, in the schema: an entry records a status or corrects one (kind), and only a correction
-- changes a value. Every statement of RewardMapper.xml names the kind it writes.
ALTER TABLE reward_entry
  ADD CONSTRAINT ck_reward_entry_kind CHECK (kind IN ('STATUS', 'CORRECTION')),
  ADD CONSTRAINT ck_reward_entry_change CHECK (kind = 'CORRECTION' OR value_change IS NULL);
