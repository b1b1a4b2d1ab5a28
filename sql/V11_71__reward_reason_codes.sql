-- A reward a rule proposed keeps its cause as a code and a detail, so that the reward-notice email says why in the
-- customer's language (issue 10 §4); reason stays as before, in English, for the API and the ledger. reason_code is the
-- kind of the rule that worded it (ANNIVERSARY, TOP_TIER, INTRODUCTION_CONVERTED, REFERRAL_CONVERTED), reason_detail its
-- parameter (the years, the other company, the recommended person; none for the top tier). NULL for a reward a person
-- proposed: their reason is shown as typed.
ALTER TABLE reward
  ADD COLUMN reason_code VARCHAR(32) NULL AFTER reason,
  ADD COLUMN reason_detail VARCHAR(300) NULL AFTER reason_code;
-- The rewards proposed before get theirs in V11_72 (data apart from the schema: a failing UPDATE must not leave this
-- ALTER applied with its migration unrecorded).
