/**
 * Reports for managers: service standards (problem follow-ups on time, coverage of the top tiers, call lists done),
 * responses and the netweaving funnel; and the managers' pages that read them, {@code /standards} and the netweaving
 * board {@code /netweaving}.
 */
package org.rapport.reports;
