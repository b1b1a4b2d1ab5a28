-- What a customer offers and needs, as ';'-separated category codes on the customer row: one row written per customer
-- instead of five keeps the import at the database's own insert rate; the matcher reads these columns in one stream.
ALTER TABLE customer
  ADD COLUMN offers VARCHAR(1000) NOT NULL DEFAULT '' AFTER industry,
  ADD COLUMN needs  VARCHAR(1000) NOT NULL DEFAULT '' AFTER offers;

UPDATE customer c
   SET c.offers = COALESCE((SELECT GROUP_CONCAT(cc.code ORDER BY cc.code SEPARATOR ';') FROM customer_category cc
                             WHERE cc.customer_id = c.id AND cc.kind = 'OFFERS'), ''),
       c.needs  = COALESCE((SELECT GROUP_CONCAT(cc.code ORDER BY cc.code SEPARATOR ';') FROM customer_category cc
                             WHERE cc.customer_id = c.id AND cc.kind = 'NEEDS'), '');

DROP TABLE customer_category;
