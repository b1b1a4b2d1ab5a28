package org.rapport.customerpage;

import org.rapport.purchases.PurchaseRequest;

import java.time.LocalDate;

/** The "record a purchase" form; an empty order number gets an id of Rapport's own, the form's key. */
public class PurchaseForm {

    private String key = Forms.newKey();
    private String externalId;
    private String purchasedOn;
    private String amount;
    private String currency = "EUR";
    private String description;

    PurchaseRequest toRequest(String customer) {
        PurchaseRequest request = new PurchaseRequest();
        request.externalId = externalId == null || externalId.isBlank() ? Forms.externalIdOf(key) : externalId.strip();
        request.customer = customer;
        request.purchasedOn = Forms.date("purchased_on", purchasedOn);
        request.amount = Forms.blankToNull(amount);
        request.currency = Forms.blankToNull(currency);
        request.description = Forms.blankToNull(description);
        return request;
    }

    /** Today, the date a new purchase most often has. */
    void startOn(LocalDate today) {
        if (purchasedOn == null) {
            purchasedOn = today.toString();
        }
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getPurchasedOn() {
        return purchasedOn;
    }

    public void setPurchasedOn(String purchasedOn) {
        this.purchasedOn = purchasedOn;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
