package org.rapport.netweaving;

/** What a fulfilled reward gave the customer. */
public enum Given {
    GIFT, DISCOUNT, DONATION, NOTE
}
