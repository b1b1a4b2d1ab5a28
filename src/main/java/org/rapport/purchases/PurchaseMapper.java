package org.rapport.purchases;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;
import org.rapport.imports.ForCustomer;

import java.util.Collection;
import java.util.List;

@Mapper
public interface PurchaseMapper {

    record Stored(long id, String externalId, byte[] importHash, long customerId) {
    }

    List<Stored> findStored(@Param("externalIds") Collection<String> externalIds);

    /** One row; run in a {@link org.rapport.platform.database.Batches batch}. */
    int upsert(@Param("w") ForCustomer<Purchase> row);

    /** A customer's purchases, newest first. */
    List<PurchaseSummary> ofCustomer(@Param("customerId") long customerId, @Param("limit") int limit);
}
