/**
 * Recorded interactions (call, visit, email, reply, note) and their outcomes; a two-way touch restarts the customer's cadence clock.
 */
package org.rapport.touches;
