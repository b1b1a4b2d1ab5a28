package org.rapport.platform.security;

import java.util.Optional;

/**
 * Where logins are stored; the users feature provides it, so that security depends on no feature. The look-up follows
 * the database's comparison of user names (case, accents and trailing spaces ignored).
 */
public interface Accounts {

    Optional<Account> find(String username);
}
