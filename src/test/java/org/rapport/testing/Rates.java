package org.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange rates into EUR (the company currency of the test database) that tests rely on, valid since 2000: JPY
 * 0.0062 and USD 0.92. Imported, never replaced, so importing them again in any test changes nothing. No test gives CHF a
 * rate: it is the currency "without a rate".
 */
public final class Rates {

    public static final String JPY = "0.0062";
    public static final String USD = "0.92";

    private Rates() {
    }

    public static void known(Api admin) {
        Api.Reply reply = admin.postCsv("api/import/exchange-rates", Csv.lines("currency,valid_from,rate",
                "JPY,2000-01-01," + JPY, "USD,2000-01-01," + USD));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("rejected")).as(reply.toString()).isEmpty();
    }
}
