package org.rapport.platform.security;

import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.LocalPeer;
import org.rapport.testing.TestServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle from the attacker's side. The shared server trusts 127.0.0.3 as a reverse proxy
 * ({@code RAPPORT_TRUSTED_PROXIES} in the failsafe configuration); 127.0.0.2 is an ordinary client. Guesses go through
 * those addresses, so the failures counted here never lock out 127.0.0.1, which every other test uses.
 */
class LoginThrottleIT {

    static final String PASSWORD = "correct-horse-battery";
    /** {@code rapport.auth.max-failures} of the test server (the default), and ten times that per address. */
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 10 * PER_ACCOUNT;

    Api api = TestServer.api();
    LocalPeer proxy = LocalPeer.at("127.0.0.3", TestServer.uri());
    LocalPeer stranger = LocalPeer.at("127.0.0.2", TestServer.uri());

    @Test
    void everySpellingTheDatabaseTakesForANameCountsOnThatAccount() {
        String suffix = Csv.unique("x").substring(2);
        String username = "anna" + suffix;
        createAdminLogin(username);
        List<String> lookAlikes = List.of("Anna" + suffix, "ANNA" + suffix.toUpperCase(), "anna" + suffix + " ",
                "Ánna" + suffix, "ånna" + suffix + "  ");
        for (String name : lookAlikes) {
            assertThat(api.as(name, PASSWORD).get("api/users").status()).as("the database takes '%s' for %s", name, username).isEqualTo(200);
        }

        for (String name : lookAlikes) {
            assertThat(viaProxy(name, "wrong-password-guess", freshClient())).as(name).isEqualTo(401);
        }

        assertThat(viaProxy(username, PASSWORD, freshClient())).as("five failures on one account, under five spellings").isEqualTo(429);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() {
        int attempts = 0;
        int status = 401;
        while (status == 401 && attempts <= PER_ADDRESS) {
            // a new name and a new "client" every time: only the peer's own address can add these up
            status = stranger.get("api/customers", Csv.unique("guess"), "wrong-password-guess", Map.of("X-Forwarded-For", freshClient()));
            attempts++;
        }

        assertThat(status).isEqualTo(429);
        assertThat(attempts).isEqualTo(PER_ADDRESS + 1);
        assertThat(stranger.get("api/customers", Csv.unique("guess"), "wrong-password-guess", Map.of("X-Forwarded-For", freshClient())))
                .as("yet another forged client").isEqualTo(429);
    }

    @Test
    void behindATrustedProxyEachClientIsCountedOnItsOwn() {
        String guesser = freshClient();
        int attempts = 0;
        int status = 401;
        while (status == 401 && attempts <= PER_ADDRESS) {
            status = viaProxy(Csv.unique("guess"), "wrong-password-guess", guesser);
            attempts++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(attempts).isEqualTo(PER_ADDRESS + 1);

        assertThat(viaProxy(Csv.unique("guess"), "wrong-password-guess", freshClient()))
                .as("another client behind the same proxy").isEqualTo(401);
        assertThat(viaProxy(Csv.unique("guess"), "wrong-password-guess", freshClient() + ", " + guesser))
                .as("the guesser writing another address in front of the one the proxy appends").isEqualTo(429);
    }

    private int viaProxy(String username, String password, String client) {
        return proxy.get("api/users", username, password, Map.of("X-Forwarded-For", client));
    }

    private void createAdminLogin(String username) {
        Api.Reply created = api.asAdmin().postJson("api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"ADMIN\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** An address from the benchmarking range 198.18.0.0/15, random enough not to meet another test's. */
    private static String freshClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
