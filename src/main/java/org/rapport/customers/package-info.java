/**
 * Customers: who they are, their categories from the shared taxonomy, their tier (computed nightly from trailing-12-month purchases unless pinned), and the scoped reads every other feature goes through.
 */
package org.rapport.customers;
