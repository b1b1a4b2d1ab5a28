/**
 * The sales team: salespeople with time zone, region, capacity, working days, manager and backup.
 */
package org.rapport.team;
