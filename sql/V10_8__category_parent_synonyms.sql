-- Categories the company owns: a category may sit under a parent (a tree, no cycles; checked by categories.Taxonomy
-- before every write) and carry synonyms, other words people use for it (';'-separated, as offers and needs are on the
-- customer row). Synonyms are not accepted in place of a code; they help name the closest codes when one is unknown.
ALTER TABLE category
  ADD COLUMN parent   VARCHAR(64)   NULL AFTER name,
  ADD COLUMN synonyms VARCHAR(1000) NOT NULL DEFAULT '' AFTER parent,
  ADD CONSTRAINT fk_category_parent FOREIGN KEY (parent) REFERENCES category (code);
