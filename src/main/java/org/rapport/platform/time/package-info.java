/**
 * The one injectable Clock.
 */
package org.rapport.platform.time;
