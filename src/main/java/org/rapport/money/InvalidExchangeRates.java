package org.rapport.money;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.List;

/** Exchange rates that cannot be stored (a code that is not ISO 4217, a rate of 0 or less …), each field named: 400. */
public class InvalidExchangeRates extends InvalidInput {

    public InvalidExchangeRates(List<FieldError> errors) {
        super("Invalid exchange rates", errors);
    }
}
