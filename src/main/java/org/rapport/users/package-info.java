/**
 * Logins and their roles: created, listed, changed, disabled and given new passwords by admins, each user's own
 * password change, and the first admin at the first start. Provides the stored accounts that
 * {@code platform.security} authenticates against.
 */
package org.rapport.users;
