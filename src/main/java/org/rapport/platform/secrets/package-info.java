/**
 * Secrets at rest: the master key (from {@code rapport.secret.key}, or a key file generated once in the data directory
 * with owner-only permissions), AES-256-GCM sealing of the secrets features keep in the database, the check that stops an
 * instance started with another key, and the rotation to a new master key ({@code rapport.secret.key-previous}). Wiring
 * only: which secrets exist is their owners' business.
 */
package org.rapport.platform.secrets;
