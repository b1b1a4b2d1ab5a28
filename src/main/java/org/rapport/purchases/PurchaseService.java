package org.rapport.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.imports.ForCustomer;
import org.rapport.platform.security.Scope;

import java.util.List;

/** Purchases recorded through the API (the CSV import is {@link PurchaseImporter}). */
@ApplicationScoped
public class PurchaseService {

    @Inject
    PurchaseMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    Event<PurchaseRecorded> recorded;

    /** Records a purchase for a customer the caller may see; the same external_id again changes nothing. */
    @Transactional
    public PurchaseView record(Scope scope, PurchaseRequest request) {
        Purchase purchase = request.toPurchase();
        long customerId = customers.requireVisible(scope, purchase.customer());
        byte[] hash = purchase.importHash();
        boolean same = mapper.findStored(List.of(purchase.externalId())).stream()
                .anyMatch(s -> java.util.Arrays.equals(s.importHash(), hash));
        if (!same) {
            mapper.upsert(new ForCustomer<>(purchase, customerId, hash));
            recorded.fire(new PurchaseRecorded(customerId, purchase.externalId(), purchase.purchasedOn(), purchase.amount(),
                    purchase.currency()));
        }
        return PurchaseView.of(purchase);
    }
}
