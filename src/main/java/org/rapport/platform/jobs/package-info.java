/**
 * The clustered Quartz scheduler: JDBC job store, CDI jobs run with the container's context.
 */
package org.rapport.platform.jobs;
