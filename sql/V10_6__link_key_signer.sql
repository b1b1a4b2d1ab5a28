-- The link keys that have signed links, by id, with a fingerprint of the secret (its SHA-256, never the secret itself):
-- the links they signed are in customers' inboxes and never expire, so a start whose keys lack one of them stops and
-- names the setting, instead of silently breaking those links (Links). RAPPORT_LINKS_RETIRED_KEYS gives a key up.
CREATE TABLE link_key_signer (
  id               INT          NOT NULL PRIMARY KEY,
  fingerprint      CHAR(64)     NOT NULL,
  first_signed_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB;

-- The key Rapport generated is generated only when no key is configured, to sign: it signed the links sent so far.
INSERT INTO link_key_signer (id, fingerprint, first_signed_at) SELECT id, SHA2(secret, 256), created_at FROM link_key;
