/**
 * Daily call lists: for a salesperson and a local working date, the open call and visit touches the planner made, most
 * urgent first and capped at the salesperson's capacity, with talking points; and the outcomes salespeople record.
 */
package org.rapport.calllists;
