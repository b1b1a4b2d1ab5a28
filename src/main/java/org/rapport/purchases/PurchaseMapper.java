package org.rapport.purchases;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;
import org.rapport.imports.ForCustomer;

import java.util.Collection;
import java.util.List;

@Mapper
public interface PurchaseMapper {

    record Stored(long id, String externalId, byte[] importHash) {
    }

    List<Stored> findStored(@Param("externalIds") Collection<String> externalIds);

    int upsert(@Param("rows") List<ForCustomer<Purchase>> rows);
}
