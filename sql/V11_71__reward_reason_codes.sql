-- A reward a rule proposed keeps its cause as a code and a detail, so that the reward-notice email says why in the
-- customer's language (issue 10 §4); reason stays as before, in English, for the API and the ledger. reason_code is the
-- kind of the rule that worded it (ANNIVERSARY, TOP_TIER, INTRODUCTION_CONVERTED, REFERRAL_CONVERTED), reason_detail its
-- parameter (the years, the other company, the recommended person; none for the top tier). NULL for a reward a person
-- proposed: their reason is shown as typed.
ALTER TABLE reward
  ADD COLUMN reason_code VARCHAR(32) NULL AFTER reason,
  ADD COLUMN reason_detail VARCHAR(300) NULL AFTER reason_code;

-- The rewards the rules proposed before, recognized by the subject and the reason they wrote.
UPDATE reward SET reason_code = 'ANNIVERSARY', reason_detail = SUBSTRING_INDEX(subject, ' ', 1)
 WHERE kind = 'ANNIVERSARY' AND proposed_by IS NULL AND subject REGEXP '^[0-9]+ years$';
UPDATE reward SET reason_code = 'TOP_TIER'
 WHERE kind = 'TOP_TIER' AND proposed_by IS NULL AND subject REGEXP '^TOP10 [0-9]{4}$';
UPDATE reward SET reason_code = 'INTRODUCTION_CONVERTED',
       reason_detail = SUBSTRING(reason, 21, CHAR_LENGTH(reason) - 20 - 19)
 WHERE kind = 'INTRODUCTION_CONVERTED' AND subject REGEXP '^introduction [0-9]+$'
   AND reason LIKE 'the introduction to % that became a deal';
UPDATE reward SET reason_code = 'REFERRAL_CONVERTED', reason_detail = SUBSTRING(reason, 14)
 WHERE kind = 'REFERRAL_CONVERTED' AND proposed_by IS NULL AND subject REGEXP '^referral [0-9]+$'
   AND reason LIKE 'recommending %';
