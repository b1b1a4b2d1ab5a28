-- The netweaving report's reads of the introductions themselves (the funnel by stage, furthest stage and currency; the
-- two customers for the salespeople; the id for the pairs and the stays) from one narrow index instead of the whole
-- rows (their explanation alone is up to 500 characters). It starts with proposed_at, so it replaces V11_30's index of
-- the period.
ALTER TABLE introduction
  ADD KEY ix_introduction_report (proposed_at, stage, furthest_stage, deal_currency, deal_value, first_customer_id,
                                  second_customer_id),
  DROP KEY ix_introduction_proposed;
