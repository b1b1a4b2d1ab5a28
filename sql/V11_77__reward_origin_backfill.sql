-- The rewards the rules proposed before V11_76: those with a rule's cause (reason_code, V11_71/V11_72) and those in the
-- form a rule writes its subjects, which held the rule's place until now (a person's proposal in that form included, so
-- the rule does not reward that cause a second time). Sets what it would set again: running it twice changes nothing.
UPDATE reward SET origin = 'RULE'
 WHERE reason_code IS NOT NULL
    OR (kind = 'ANNIVERSARY' AND subject REGEXP '^[0-9]+ years$')
    OR (kind = 'TOP_TIER' AND subject REGEXP '^TOP10 [0-9]{4}$')
    OR (kind = 'INTRODUCTION_CONVERTED' AND subject REGEXP '^introduction [0-9]+$')
    OR (kind = 'REFERRAL_CONVERTED' AND subject REGEXP '^referral [0-9]+$');
