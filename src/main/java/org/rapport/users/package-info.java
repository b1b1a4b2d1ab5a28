/**
 * Logins, their roles and the first start (the admin user, demo data in demo mode).
 */
package org.rapport.users;
