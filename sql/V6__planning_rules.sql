-- The planner's rules, one named setting per row (defaults live in the code: a missing row means the SPEC default).
CREATE TABLE planning_rule (
  name        VARCHAR(100) NOT NULL PRIMARY KEY,
  value       VARCHAR(200) NOT NULL,
  updated_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Days the whole company does not work, on top of each region's public holidays.
CREATE TABLE company_holiday (
  day   DATE         NOT NULL PRIMARY KEY,
  name  VARCHAR(200) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
