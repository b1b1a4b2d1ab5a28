package org.rapport.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;

/** Every kind of CSV import the features provide, found by its path segment. */
@ApplicationScoped
public class Importers {

    @Inject
    @Any
    Instance<RowImporter<?>> all;

    public Optional<RowImporter<?>> of(String kind) {
        return all.stream().filter(i -> i.kind().equals(kind)).findFirst();
    }
}
