/**
 * The salesperson's customer page ({@code /customers/{externalId}}): everything Rapport knows about one customer, its
 * history across features (touches, purchases, messages and their responses) and the forms to log a touch, record a
 * purchase or a problem. It reads and writes only through each feature's service, with the caller's access. A package
 * of its own because it sits above all those features (they depend on {@code customers}; a page there would close a
 * cycle).
 */
package org.rapport.customerpage;
