/**
 * MicroProfile Health checks.
 */
package org.rapport.platform.health;
