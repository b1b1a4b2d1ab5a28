-- The rewards the rules proposed before V11_71, recognized by the subject and the reason they wrote, get the code and
-- detail of their cause (the reward-notice email words it in the customer's language). Data only, kept apart from the
-- ALTER of V11_71; each UPDATE sets what it would set again, so running them twice changes nothing (RewardIT).
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
