-- The teams' own budgets live in team_budget (V11_73); the single setting that held them before no build released.
DELETE FROM planning_rule WHERE name = 'rewards.team_budgets';
