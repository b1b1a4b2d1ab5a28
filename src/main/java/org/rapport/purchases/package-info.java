/**
 * Purchases, imported or recorded through the API; either way a stored purchase fires PurchaseRecorded.
 */
package org.rapport.purchases;
