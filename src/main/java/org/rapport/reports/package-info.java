/** Reports for managers: service standards (problem follow-ups on time, coverage of the top tiers, call lists done). */
package org.rapport.reports;
