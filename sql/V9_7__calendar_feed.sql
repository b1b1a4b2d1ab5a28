-- The generation of each salesperson's calendar feed address. Every feed link carries the generation it was made
-- for; rotating (generation + 1) invalidates all older links of that salesperson and no one else's. No row: 0.
CREATE TABLE calendar_feed (
  salesperson_id  BIGINT       NOT NULL PRIMARY KEY,
  generation      BIGINT       NOT NULL,
  rotated_at      DATETIME(3)  NOT NULL,
  CONSTRAINT fk_calendar_feed_salesperson FOREIGN KEY (salesperson_id) REFERENCES salesperson (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
