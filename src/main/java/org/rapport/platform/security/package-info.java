/**
 * HTTP Basic against database users, PBKDF2 password hashes, the login throttle and the data scope of the caller.
 */
package org.rapport.platform.security;
