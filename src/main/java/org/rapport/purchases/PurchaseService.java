package org.rapport.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.imports.ForCustomer;
import org.rapport.money.ExchangeRateService;
import org.rapport.platform.security.Access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Purchases recorded through the API (the CSV import is {@link PurchaseImporter}). */
@ApplicationScoped
public class PurchaseService {

    @Inject
    PurchaseMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    Event<PurchaseRecorded> recorded;

    @Inject
    ExchangeRateService exchangeRates;

    /**
     * Records a purchase for a customer the caller may see; the same external_id again changes nothing. A purchase that
     * already belongs to a customer outside the caller's reach is neither moved nor changed.
     */
    @Transactional
    public PurchaseView record(Access access, PurchaseRequest request) {
        Purchase purchase = request.toPurchase();
        long customerId = customers.requireVisible(access, purchase.customer());
        Optional<PurchaseMapper.Stored> before = mapper.findStored(List.of(purchase.externalId())).stream().findFirst();
        if (before.isPresent() && before.get().customerId() != customerId) {
            customers.requireReachable(access, before.get().customerId(), "external_id: purchase " + purchase.externalId());
        }
        byte[] hash = purchase.importHash();
        boolean same = before.isPresent() && Arrays.equals(before.get().importHash(), hash);
        if (!same) {
            mapper.upsert(new ForCustomer<>(purchase, customerId, hash));
            recorded.fire(new PurchaseRecorded(customerId, purchase.externalId(), purchase.purchasedOn(), purchase.amount(),
                    purchase.currency()));
        }
        return PurchaseView.of(purchase, exchangeRates.since(purchase.purchasedOn())
                .missingRate(purchase.currency(), purchase.purchasedOn()).stream().toList());
    }

    /** The purchases of a customer the caller may see, newest first (the customer page's history). */
    public List<PurchaseSummary> ofCustomer(Access access, String customer, int limit) {
        return mapper.ofCustomer(customers.requireVisible(access, customer), limit);
    }
}
