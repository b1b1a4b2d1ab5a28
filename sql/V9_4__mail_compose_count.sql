-- Emails composed through POST /api/outbox per login and UTC day: the daily cap holds on every instance and after a
-- restart. The upsert's row lock makes two requests of one login count one after the other.
CREATE TABLE mail_compose_count (
  username  VARCHAR(64)  NOT NULL,
  day       DATE         NOT NULL,
  composed  INT          NOT NULL,
  PRIMARY KEY (username, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
