package org.rapport.platform.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that returns or changes customer data, called by every kind of caller on a record that is theirs, their
 * team's or another team's: the status each gets, and for every refused write that nothing was changed or left behind.
 * Team: manager m leads a and b, manager m2 leads c; a owns customer A, b owns B, c owns C.
 */
class AccessMatrixIT {

    /** Whose record, seen from salesperson a (and from a's manager m). */
    enum Whose { OWN, TEAM, OTHER }

    enum Caller { SALES, MANAGER, ADMIN, SALES_WITHOUT_SALESPERSON, MANAGER_WITHOUT_SALESPERSON }

    /** The policy under test, as a table: which records each caller reaches. */
    static final Map<Caller, Set<Whose>> REACHES = new EnumMap<>(Map.of(
            Caller.SALES, Set.of(Whose.OWN),
            Caller.MANAGER, Set.of(Whose.OWN, Whose.TEAM),
            Caller.ADMIN, Set.of(Whose.OWN, Whose.TEAM, Whose.OTHER),
            Caller.SALES_WITHOUT_SALESPERSON, Set.of(),
            Caller.MANAGER_WITHOUT_SALESPERSON, Set.of()));

    static final String FAR_FUTURE = "2031-01-05";

    static Api admin;
    static Team team;
    static Map<Caller, Api> callers;
    static Map<Whose, Long> messages;
    static Map<Whose, Long> callItems;
    static String today;

    /** One endpoint: calls it as {@code caller} on {@code whose}'s record and checks what a refusal must not change. */
    interface Call {
        Api.Reply run(Api caller, Whose whose, boolean allowed);
    }

    record Endpoint(String name, Function<Whose, Integer> okStatus, Call call) {
        Endpoint(String name, int ok, Call call) {
            this(name, whose -> ok, call);
        }
    }

    @BeforeAll
    static void team() {
        admin = TestServer.api().asAdmin();
        team = new Team(TestServer.api());
        callers = new EnumMap<>(Caller.class);
        callers.put(Caller.SALES, team.as(team.a));
        callers.put(Caller.MANAGER, team.as(team.m));
        callers.put(Caller.ADMIN, admin);
        callers.put(Caller.SALES_WITHOUT_SALESPERSON, team.as(team.loginWithoutSalesperson("SALES")));
        callers.put(Caller.MANAGER_WITHOUT_SALESPERSON, team.as(team.loginWithoutSalesperson("MANAGER")));
        today = LocalDate.now(ZoneOffset.UTC).toString();
        // each customer's open call is the follow-up of a problem resolved just now: the problems the endpoints below
        // open withdraw courtesy calls, never a follow-up
        String resolved = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        StringBuilder problems = new StringBuilder("external_id,customer,opened_at,resolved_at,summary,resolution\n");
        for (Whose whose : Whose.values()) {
            problems.append(Csv.unique("FIXED")).append(',').append(customer(whose)).append(',').append(resolved).append(',')
                    .append(resolved).append(",Setup,Fixed\n");
        }
        Api.Reply imported = admin.postCsv("api/import/problems", problems.toString());
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(Whose.values().length);
        assertThat(admin.postJson("api/planning/run", "").status()).isEqualTo(200);
        messages = new EnumMap<>(Whose.class);
        callItems = new EnumMap<>(Whose.class);
        for (Whose whose : Whose.values()) {
            Api.Reply message = admin.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"fields\":{\"years\":\"5\"},\"customer\":\""
                    + customer(whose) + "\",\"not_before\":\"" + FAR_FUTURE + "T08:00:00Z\"}");
            assertThat(message.status()).as(message.toString()).isEqualTo(201);
            messages.put(whose, message.json().getJsonNumber("id").longValue());
            callItems.put(whose, openCall(customer(whose)).getJsonNumber("id").longValue());
        }
    }

    static String customer(Whose whose) {
        return switch (whose) {
            case OWN -> team.customerOfA;
            case TEAM -> team.customerOfB;
            case OTHER -> team.customerOfC;
        };
    }

    static String owner(Whose whose) {
        return switch (whose) {
            case OWN -> team.a;
            case TEAM -> team.b;
            case OTHER -> team.c;
        };
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET customer", 200, (api, w, ok) -> api.get("api/customers/" + customer(w))),
                new Endpoint("GET customer's messages", 200, (api, w, ok) -> api.get("api/customers/" + customer(w) + "/messages")),
                new Endpoint("GET customers of owner", 200, (api, w, ok) -> api.get("api/customers?owner=" + owner(w))),
                new Endpoint("GET template preview", 200,
                        (api, w, ok) -> api.get("api/templates/thank-you-purchase/preview?customer=" + customer(w))),
                new Endpoint("GET planned touches of customer", 200, (api, w, ok) -> api.get("api/planned-touches?customer=" + customer(w))),
                new Endpoint("GET outbox of customer", 200, (api, w, ok) -> api.get("api/outbox?customer=" + customer(w))),
                new Endpoint("GET outbox message", 200, (api, w, ok) -> api.get("api/outbox/" + messages.get(w))),
                new Endpoint("GET call list", 200, (api, w, ok) -> api.get("api/call-lists/" + owner(w) + "/" + today)),
                new Endpoint("GET call list CSV", 200, (api, w, ok) -> api.get("api/call-lists/" + owner(w) + "/" + today + ".csv")),
                new Endpoint("GET call list iCalendar", 200, (api, w, ok) -> api.get("api/call-lists/" + owner(w) + "/" + today + ".ics")),
                new Endpoint("GET calendar link", 200, (api, w, ok) -> api.get("api/call-lists/" + owner(w) + "/calendar-link")),
                new Endpoint("GET absences", 200, (api, w, ok) -> api.get("api/salespeople/" + owner(w) + "/absences")),
                new Endpoint("POST purchase", 201, AccessMatrixIT::newPurchase),
                new Endpoint("POST purchase with another's id", 201, AccessMatrixIT::purchaseTakeover),
                new Endpoint("POST problem", 201, AccessMatrixIT::newProblem),
                // a problem stays with its customer: posting one of another reachable customer is a conflict
                new Endpoint("POST problem with another's id", w -> w == Whose.OWN ? 201 : 409, AccessMatrixIT::problemTakeover),
                new Endpoint("POST problem resolve", 200, AccessMatrixIT::resolveProblem),
                new Endpoint("POST touch", 201, AccessMatrixIT::touch),
                new Endpoint("POST outbox message", 201, AccessMatrixIT::compose),
                new Endpoint("POST call outcome", 200, AccessMatrixIT::outcome),
                new Endpoint("PUT absences", 200, AccessMatrixIT::absences));
    }

    @TestFactory
    Stream<DynamicTest> everyCallerOnEveryEndpointGetsExactlyWhatTheirAccessAllows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                for (Whose whose : Whose.values()) {
                    boolean allowed = REACHES.get(caller).contains(whose);
                    int expected = allowed ? endpoint.okStatus().apply(whose) : 403;
                    tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + caller + " on " + whose + " → " + expected, () -> {
                        Api.Reply reply = endpoint.call().run(callers.get(caller), whose, allowed);
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
                        if (expected == 403) {
                            assertThat(reply.contentType()).startsWith("application/problem+json");
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    // ---- lists: each caller sees exactly the records they reach, and a login without a salesperson sees nothing

    @TestFactory
    Stream<DynamicTest> everyListHoldsOnlyWhatTheCallerReaches() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            Api api = callers.get(caller);
            Set<String> customers = REACHES.get(caller).stream().map(AccessMatrixIT::customer).collect(Collectors.toSet());
            Set<String> owners = REACHES.get(caller).stream().map(AccessMatrixIT::owner).collect(Collectors.toSet());
            boolean nobody = REACHES.get(caller).isEmpty();
            tests.add(DynamicTest.dynamicTest("customers as " + caller, () ->
                    assertThat(values(api.get("api/customers?limit=1000&q=" + team.tag), "external_id"))
                            .containsExactlyInAnyOrderElementsOf(customers)));
            tests.add(DynamicTest.dynamicTest("salespeople as " + caller, () -> {
                List<String> seen = values(api.get("api/salespeople"), "external_id");
                if (nobody) {
                    assertThat(seen).isEmpty();
                } else if (caller != Caller.ADMIN) {
                    Set<String> expected = new java.util.HashSet<>(owners);
                    if (caller == Caller.MANAGER) {
                        expected.add(team.m);
                    }
                    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
                } else {
                    assertThat(seen).contains(team.a, team.b, team.c, team.m, team.m2);
                }
            }));
            tests.add(DynamicTest.dynamicTest("planned touches as " + caller, () -> {
                List<String> seen = values(api.get("api/planned-touches?limit=1000"), "customer");
                if (nobody) {
                    assertThat(seen).isEmpty();
                } else if (caller != Caller.ADMIN) {
                    assertThat(seen).isNotEmpty().allMatch(customers::contains).containsAll(customers);
                }
            }));
            tests.add(DynamicTest.dynamicTest("outbox as " + caller, () -> {
                Api.Reply reply = api.get("api/outbox?limit=1000");
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                if (nobody) {
                    assertThat(reply.array()).isEmpty();
                } else if (caller != Caller.ADMIN) {
                    for (JsonObject m : reply.array().getValuesAs(JsonObject.class)) {
                        if (m.isNull("customer")) {
                            assertThat(m.getString("salesperson")).isIn(owners.toArray()); // mail to the team itself
                        } else {
                            assertThat(m.getString("customer")).isIn(customers.toArray());
                        }
                    }
                    assertThat(values(reply, "customer")).containsAll(customers);
                }
            }));
            tests.add(DynamicTest.dynamicTest("service standards as " + caller, () -> {
                LocalDate now = LocalDate.now(ZoneOffset.UTC);
                Api.Reply reply = api.get("api/reports/service-standards?from=" + now.minusDays(300) + "&to=" + now.plusDays(60));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                List<String> seen = reply.json().getJsonArray("salespeople").getValuesAs(JsonObject.class).stream()
                        .map(f -> f.getString("salesperson")).toList();
                if (nobody) {
                    assertThat(seen).isEmpty();
                    assertThat(reply.json().getJsonObject("team").getInt("calls_due")).isZero();
                } else if (caller == Caller.SALES) {
                    assertThat(seen).as("only their own figures").containsExactly(team.a);
                } else if (caller == Caller.MANAGER) {
                    // the team's salespeople, and the manager's own figures where they have any
                    assertThat(seen).containsAll(owners).allMatch(s -> owners.contains(s) || s.equals(team.m));
                } else {
                    assertThat(seen).containsAll(owners);
                }
            }));
        }
        return tests.stream();
    }

    // ---- writes: each arranges its own record, and a refused one checks that nothing changed or was left behind

    /** A purchase with a fresh id for {@code whose}'s customer; refused, it must not exist (importing it creates it). */
    static Api.Reply newPurchase(Api api, Whose whose, boolean allowed) {
        String id = Csv.unique("P");
        Api.Reply reply = api.postJson("api/purchases", purchase(id, customer(whose), "10.00"));
        if (!allowed) {
            assertThat(importPurchase(id, customer(whose), "10.00").getInt("created")).as("nothing left behind").isEqualTo(1);
        }
        return reply;
    }

    /**
     * The takeover: a purchase of {@code whose}'s customer, posted by the caller for A (their own, or their team's) with
     * another amount. Refused, the stored purchase keeps its customer and amount: importing its original row changes
     * nothing.
     */
    static Api.Reply purchaseTakeover(Api api, Whose whose, boolean allowed) {
        String id = Csv.unique("P");
        assertThat(admin.postJson("api/purchases", purchase(id, customer(whose), "250.00")).status()).isEqualTo(201);
        assertThat(importPurchase(id, customer(whose), "250.00").getInt("unchanged")).as("the probe sees the original").isEqualTo(1);

        Api.Reply reply = api.postJson("api/purchases", purchase(id, team.customerOfA, "1.00"));
        if (!allowed) {
            assertThat(importPurchase(id, customer(whose), "250.00").getInt("unchanged")).as("not moved, not rewritten").isEqualTo(1);
        }
        return reply;
    }

    static Api.Reply newProblem(Api api, Whose whose, boolean allowed) {
        String id = Csv.unique("PR");
        Api.Reply reply = api.postJson("api/problems", problem(id, customer(whose), "Broken hinge"));
        if (!allowed) {
            assertThat(importProblem(id, customer(whose), "Broken hinge").getInt("created")).as("nothing left behind").isEqualTo(1);
        }
        return reply;
    }

    /** A problem of {@code whose}'s customer, posted by the caller for A with another summary. */
    static Api.Reply problemTakeover(Api api, Whose whose, boolean allowed) {
        String id = Csv.unique("PR");
        Api.Reply stored = admin.postJson("api/problems", problem(id, customer(whose), "Late delivery"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.body()).contains("\"customer\":\"" + customer(whose) + "\"").doesNotContain("hash");
        assertThat(importProblem(id, customer(whose), "Late delivery").getInt("unchanged")).as("the probe sees the original").isEqualTo(1);

        Api.Reply reply = api.postJson("api/problems", problem(id, team.customerOfA, "Nothing happened"));
        if (reply.status() != 201) {
            assertThat(importProblem(id, customer(whose), "Late delivery").getInt("unchanged")).as("not moved, not rewritten").isEqualTo(1);
        }
        return reply;
    }

    static Api.Reply resolveProblem(Api api, Whose whose, boolean allowed) {
        String id = Csv.unique("PR");
        assertThat(admin.postJson("api/problems", problem(id, customer(whose), "Wrong colour")).status()).isEqualTo(201);

        Api.Reply reply = api.postJson("api/problems/" + id + "/resolve", "{\"resolution\":\"closed by someone\"}");
        if (!allowed) {
            assertThat(values(admin.get("api/customers/" + customer(whose)).json().getJsonArray("open_problems"), "external_id"))
                    .as("still open").contains(id);
        }
        return reply;
    }

    static Api.Reply touch(Api api, Whose whose, boolean allowed) {
        String note = Csv.unique("note");
        Api.Reply reply = api.postJson("api/touches", "{\"customer\":\"" + customer(whose) + "\",\"kind\":\"NOTE\",\"outcome\":\"NOTED\",\"note\":\"" + note + "\"}");
        if (!allowed) {
            assertThat(admin.get("api/customers/" + customer(whose)).body()).as("no touch left behind").doesNotContain(note);
        }
        return reply;
    }

    static Api.Reply compose(Api api, Whose whose, boolean allowed) {
        String key = Csv.unique("key");
        // mail the customer asked for: who may compose is the question here, not the cap on outreach per customer
        Api.Reply reply = api.postJson("api/outbox", "{\"template\":\"request-reply\",\"fields\":{\"request\":{\"summary\":\"A copy\","
                + "\"answer\":\"Posted today\"}},\"customer\":\"" + customer(whose)
                + "\",\"idempotency_key\":\"" + key + "\",\"not_before\":\"" + FAR_FUTURE + "T08:00:00Z\"}");
        if (!allowed) {
            assertThat(admin.get("api/customers/" + customer(whose) + "/messages?limit=1000").body()).as("no message left behind")
                    .doesNotContain(key);
        }
        return reply;
    }

    /** Reschedules the customer's open call; refused, the call keeps its note and date. */
    static Api.Reply outcome(Api api, Whose whose, boolean allowed) {
        String note = Csv.unique("later");
        long id = callItems.get(whose);
        Api.Reply reply = api.postJson("api/call-lists/items/" + id + "/outcome",
                "{\"outcome\":\"RESCHEDULED\",\"reschedule_to\":\"" + FAR_FUTURE + "\",\"note\":\"" + note + "\"}");
        if (!allowed) {
            assertThat(admin.get("api/planned-touches?limit=1000&customer=" + customer(whose)).body()).as("the call is unchanged")
                    .doesNotContain(note);
        }
        return reply;
    }

    static Api.Reply absences(Api api, Whose whose, boolean allowed) {
        String note = Csv.unique("away");
        Api.Reply reply = api.put("api/salespeople/" + owner(whose) + "/absences",
                "[{\"starts_on\":\"" + FAR_FUTURE + "\",\"ends_on\":\"" + FAR_FUTURE + "\",\"note\":\"" + note + "\"}]");
        if (!allowed) {
            assertThat(admin.get("api/salespeople/" + owner(whose) + "/absences").body()).as("absences unchanged").doesNotContain(note);
        }
        return reply;
    }

    // ---- helpers

    static String purchase(String id, String customer, String amount) {
        return "{\"external_id\":\"" + id + "\",\"customer\":\"" + customer + "\",\"purchased_on\":\"2026-11-01\",\"amount\":\""
                + amount + "\",\"currency\":\"EUR\"}";
    }

    static String problem(String id, String customer, String summary) {
        return "{\"external_id\":\"" + id + "\",\"customer\":\"" + customer + "\",\"opened_at\":\"2026-11-01T10:00:00Z\",\"summary\":\""
                + summary + "\"}";
    }

    /** Imports the row as an admin: "unchanged" proves the stored purchase is exactly this, "created" that there was none. */
    static JsonObject importPurchase(String id, String customer, String amount) {
        Api.Reply reply = admin.postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                id + "," + customer + ",2026-11-01," + amount + ",EUR"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static JsonObject importProblem(String id, String customer, String summary) {
        Api.Reply reply = admin.postCsv("api/import/problems", Csv.lines("external_id,customer,opened_at,summary",
                id + "," + customer + ",2026-11-01T10:00:00Z," + summary));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static JsonObject openCall(String customer) {
        return admin.get("api/planned-touches?status=OPEN&customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("channel").equals("CALL") || t.getString("channel").equals("VISIT"))
                .findFirst().orElseThrow(() -> new AssertionError("no open call for " + customer));
    }

    static List<String> values(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return values(reply.array(), field);
    }

    static List<String> values(List<JsonValue> array, String field) {
        return array.stream().map(JsonValue::asJsonObject).filter(o -> !o.isNull(field)).map(o -> o.getString(field)).toList();
    }
}
