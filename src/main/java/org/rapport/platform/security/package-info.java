/**
 * HTTP Basic against database users, PBKDF2 password hashes, the login throttle and the one access policy ({@link org.rapport.platform.security.Access}).
 */
package org.rapport.platform.security;
