package org.rapport.demo;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.LauncherInstance;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo as the README starts it (embedded database, no settings), then the same database started for real use
 * ({@code RAPPORT_DEMO=false}): the logins with public passwords must be gone, and the demo must not have listened on
 * the network.
 */
@Tag("process")
class DemoModeIT {

    @Test
    void theDemoListensLocallyAndItsPublicLoginsAreRemovedWhenDemoModeIsOff() throws Exception {
        Path dataDir = Path.of("target/demo-mode-" + UUID.randomUUID());
        Path log = Path.of(System.getProperty("rapport.test.war")).resolveSibling("demo-mode.log");
        Files.deleteIfExists(log);

        Map<String, String> demoEnv = new HashMap<>();
        demoEnv.put("RAPPORT_DB_URL", null); // the embedded database
        demoEnv.put("RAPPORT_DEMO", null); // the default with the embedded database: demo mode
        demoEnv.put("RAPPORT_ADMIN_PASSWORD", null);
        demoEnv.put("RAPPORT_HTTP_HOST", null);
        LauncherInstance demo = LauncherInstance.start("demo-mode", dataDir, demoEnv);
        try {
            demo.awaitUp();
            Api api = Api.at(demo.baseUri());
            assertThat(api.as("admin", DemoStart.ADMIN_PASSWORD).get("api/users").status()).isEqualTo(200);
            assertThat(api.as("manager", DemoStart.MANAGER_PASSWORD).get("api/customers").status()).isEqualTo(200);
            assertThat(api.as("sales", DemoStart.SALES_PASSWORD).get("api/customers").status()).isEqualTo(200);
            String console = Files.readString(log);
            assertThat(console).contains("PUBLIC demo passwords", "sales / " + DemoStart.SALES_PASSWORD);

            assertThat(console).contains("Created HTTP listener http-listener on host/port 127.0.0.1:" + demo.port());
            Optional<InetAddress> network = networkAddress();
            if (network.isPresent()) { // where the machine has a network interface, knock on it
                assertThatThrownBy(() -> connect(network.get(), demo.port())).as("the demo from " + network.get())
                        .isInstanceOf(IOException.class);
            }

            Api.Reply lastAdmin = api.as("admin", DemoStart.ADMIN_PASSWORD).put("api/users/admin", "{\"role\":\"ADMIN\",\"enabled\":false}");
            assertThat(lastAdmin.status()).as("disabling the only admin: " + lastAdmin).isEqualTo(409);
        } finally {
            demo.stop();
        }

        Map<String, String> realEnv = new HashMap<>(demoEnv);
        realEnv.put("RAPPORT_DEMO", "false");
        realEnv.put("RAPPORT_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        LauncherInstance real = LauncherInstance.start("demo-mode", dataDir, realEnv);
        try {
            real.awaitUp();
            Api api = Api.at(real.baseUri());
            assertThat(api.as("manager", DemoStart.MANAGER_PASSWORD).get("api/customers").status()).isEqualTo(401);
            assertThat(api.as("sales", DemoStart.SALES_PASSWORD).get("api/customers").status()).isEqualTo(401);
            assertThat(api.as("admin", DemoStart.ADMIN_PASSWORD).get("api/customers").status()).isEqualTo(401);
            Api.Reply users = api.asAdmin().get("api/users");
            assertThat(users.status()).as(users.toString()).isEqualTo(200);
            assertThat(users.array().getValuesAs(JsonObject.class)).extracting(u -> u.getString("username")).containsExactly("admin");
            assertThat(api.asAdmin().get("api/customers?limit=1").array()).as("the demo data stays").isNotEmpty();
            assertThat(Files.readString(log)).contains("Created HTTP listener http-listener on host/port 0.0.0.0:" + real.port());
        } finally {
            real.stop();
        }
    }

    private static Optional<InetAddress> networkAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3_000);
        }
    }
}
