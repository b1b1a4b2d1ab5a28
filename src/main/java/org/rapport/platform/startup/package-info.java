/**
 * What runs once at each start between the schema migration and the scheduler: the steps features contribute (the
 * first admin, demo data), in their declared order, without platform naming any feature.
 */
package org.rapport.platform.startup;
