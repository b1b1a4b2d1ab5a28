/**
 * The planner: rules (cadences, problem follow-ups, thank-you notes, contact policy, capacity) plus customer state become
 * planned touches with deterministic keys; business days and send windows come from the {@link
 * org.rapport.planning.BusinessCalendar}. The rules themselves are plain Java, driven by unit tests without a container.
 */
package org.rapport.planning;
