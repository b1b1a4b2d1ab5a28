package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.categories.CategoryUse;
import org.rapport.customers.CustomerMapper.CategoryHolder;
import org.rapport.platform.database.Batches;

import java.time.Instant;
import java.util.List;

/** Customers' offers and needs carry category codes: counted before a code is deleted, moved when it is merged. */
@ApplicationScoped
public class CustomerCategories implements CategoryUse {

    @Inject
    CustomerMapper mapper;

    @Inject
    Batches batches;

    @Override
    public String users() {
        return "customers";
    }

    @Override
    public long countUsing(String code) {
        return mapper.countUsingCategory(code);
    }

    @Override
    public long moveUses(String from, String into, Instant now) {
        List<CategoryHolder> holders = mapper.lockUsingCategory(from);
        batches.run(CustomerMapper.class, m -> holders.forEach(h ->
                m.updateCategories(h.id(), Categories.replace(h.offers(), from, into), Categories.replace(h.needs(), from, into), now)));
        return holders.size();
    }

    @Override
    public int lockRank() {
        return 0; // customer rows first, as every writer of both takes them
    }
}
