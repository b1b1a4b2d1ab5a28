package org.rapport.purchases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rapport.platform.errors.InvalidInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/** {@code POST /api/purchases}: the purchase CSV columns as JSON. */
// A class with fields, not a record: Payara\'s OpenAPI scanner fails on constraints on record components.
public class PurchaseRequest {

    @NotBlank @Size(max = 64) public String externalId;

    @NotBlank @Size(max = 64) public String customer;

    @NotNull public LocalDate purchasedOn;

    @NotNull @Pattern(regexp = "\\d{1,17}(\\.\\d{1,2})?", message = "must be a decimal string such as \"1250.00\"") public String amount;

    @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") public String currency;

    @Size(max = 1000) public String description;

    Purchase toPurchase() {
        String code = currency.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("currency: " + currency + " is not an ISO 4217 currency code.");
        }
        return new Purchase(externalId.strip(), customer.strip(), purchasedOn, new BigDecimal(amount).setScale(2), code, description);
    }
}
