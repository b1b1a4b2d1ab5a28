-- A team's own quarterly reward budget (issue 10 §4), in the currency of the budget for every team
-- (rewards.quarterly_budget_per_team). A team is named by its manager, and kept by the manager's id: one row per team,
-- however long its external id, looked up as the database compares external ids (V11_70's single setting could not
-- hold more than a few teams, and compared keys in Java). A manager who leaves takes their team's budget along.
CREATE TABLE team_budget (
  team_id     BIGINT        NOT NULL PRIMARY KEY,
  amount      DECIMAL(19,2) NOT NULL,
  updated_at  DATETIME(3)   NOT NULL,
  CONSTRAINT fk_team_budget_team FOREIGN KEY (team_id) REFERENCES salesperson (id) ON DELETE CASCADE,
  CONSTRAINT ck_team_budget_amount CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
