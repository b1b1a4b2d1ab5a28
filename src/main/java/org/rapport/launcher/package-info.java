/**
 * The one-command start, outside the WAR: the embedded MariaDB, then Payara Micro in the same JVM.
 */
package org.rapport.launcher;
