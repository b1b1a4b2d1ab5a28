/**
 * Purchases, imported or recorded through the API; a recorded purchase fires PurchaseRecorded.
 */
package org.rapport.purchases;
