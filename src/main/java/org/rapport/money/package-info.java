/**
 * Money in other currencies: the company currency (thank-you thresholds and tiers count in it), the history of exchange
 * rates into it ({@code GET/PUT /api/exchange-rates}, {@code POST /api/import/exchange-rates}), the one conversion rule
 * ({@link org.rapport.money.ExchangeRates} in Java, {@code ExchangeRateMapper.xml#inCompanyCurrency} in SQL) and the
 * report of purchases that cannot be converted for want of a rate.
 */
package org.rapport.money;
