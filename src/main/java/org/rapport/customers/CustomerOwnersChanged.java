package org.rapport.customers;

import java.util.List;

/**
 * Fired inside the transaction that wrote it: the customers {@code customerIds} have another owner now (a customer
 * import moved them). Their calls still to be made follow them to the new owner's list once it has committed.
 */
public record CustomerOwnersChanged(List<Long> customerIds) {
}
