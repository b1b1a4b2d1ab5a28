/**
 * Wiring shared by every feature: no business rules live here.
 */
package org.rapport.platform;
