package org.rapport.money;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET/PUT /api/exchange-rates}: everyone reads, only an admin replaces, and a bad document is refused field by
 * field with nothing changed. A PUT replaces every rate, so each test puts back what it found.
 */
class ExchangeRatesIT {

    private final Api admin = TestServer.api().asAdmin();

    @Test
    void anAdminReplacesTheRatesAndEveryoneReadsThem() {
        JsonObject before = admin.get("api/exchange-rates").json();
        assertThat(before.getString("company_currency")).isEqualTo("EUR");
        JsonArrayBuilder rates = Json.createArrayBuilder(before.getJsonArray("rates"))
                .add(rate("sek", "2026-01-01", "0.087"))
                .add(rate("SEK", "2026-07-01", "0.0910"));
        try {
            Api.Reply put = admin.put("api/exchange-rates", document("eur", rates).toString());
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            Team team = new Team(TestServer.api());
            Api.Reply read = team.as(team.a).get("api/exchange-rates");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().getJsonArray("rates").getValuesAs(JsonObject.class))
                    .filteredOn(r -> r.getString("currency").equals("SEK"))
                    .extracting(r -> r.getString("valid_from") + " " + r.getString("rate"))
                    .containsExactly("2026-01-01 0.087", "2026-07-01 0.091");
            assertThat(read.json().getJsonArray("rates")).hasSize(before.getJsonArray("rates").size() + 2);
        } finally {
            assertThat(admin.put("api/exchange-rates", before.toString()).status()).isEqualTo(200);
        }
        assertThat(admin.get("api/exchange-rates").json()).isEqualTo(before);
    }

    @Test
    void aBadCodeOrARateOfZeroOrLessIsRefusedFieldByFieldAndNothingChanges() {
        JsonObject before = admin.get("api/exchange-rates").json();
        Api.Reply refused = admin.put("api/exchange-rates", document("EUR", Json.createArrayBuilder()
                .add(rate("NOK", "2026-01-01", "0.085"))
                .add(rate("XYZ", "2026-01-01", "1"))
                .add(rate("NOK", "2026-02-01", "0"))
                .add(rate("NOK", "2026-03-01", "-0.1"))
                .add(rate("EUR", "2026-01-01", "1"))).toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonObject problem = refused.json();
        assertThat(problem.getString("title")).isEqualTo("Invalid exchange rates");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field") + ": " + e.getString("reason"))
                .containsExactly("rates[1].currency: 'XYZ' is not an ISO 4217 currency code (such as EUR, USD)",
                        "rates[2].rate: '0' is not more than 0 (a rate is what one unit of the currency is worth in the company currency)",
                        "rates[3].rate: '-0.1' is not more than 0 (a rate is what one unit of the currency is worth in the company currency)",
                        "rates[4].currency: EUR is the company currency; its rate is always 1");
        assertThat(admin.put("api/exchange-rates", document("EURO", Json.createArrayBuilder()).toString()).json()
                .getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("company_currency");
        assertThat(admin.get("api/exchange-rates").json()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void onlyAnAdminChangesRates() {
        JsonObject before = admin.get("api/exchange-rates").json();
        Team team = new Team(TestServer.api());
        String attempt = document("USD", Json.createArrayBuilder().add(rate("EUR", "2026-01-01", "1.10"))).toString();
        assertThat(team.as(team.a).put("api/exchange-rates", attempt).status()).as("SALES").isEqualTo(403);
        assertThat(team.as(team.m).put("api/exchange-rates", attempt).status()).as("MANAGER").isEqualTo(403);
        assertThat(TestServer.api().anonymous().put("api/exchange-rates", attempt).status()).isEqualTo(401);
        assertThat(TestServer.api().anonymous().get("api/exchange-rates").status()).isEqualTo(401);
        assertThat(team.as(team.m).postCsv("api/import/exchange-rates", "currency,valid_from,rate\r\nUSD,2026-01-01,5\r\n")
                .status()).as("MANAGER import").isEqualTo(403);
        assertThat(admin.get("api/exchange-rates").json()).as("nothing changed").isEqualTo(before);
    }

    private static JsonObject document(String company, JsonArrayBuilder rates) {
        return Json.createObjectBuilder().add("company_currency", company).add("rates", rates).build();
    }

    private static JsonObject rate(String currency, String validFrom, String rate) {
        return Json.createObjectBuilder().add("currency", currency).add("valid_from", validFrom).add("rate", rate).build();
    }
}
