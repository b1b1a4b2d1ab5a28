package org.rapport.platform.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlConfigSourceTest {

    @Test
    void aBareUrlGetsTheOptionsRapportRelyOn() {
        String url = DatabaseUrlConfigSource.withDefaults("jdbc:mysql://db:3306/rapport");

        assertThat(url).startsWith("jdbc:mysql://db:3306/rapport?")
                .contains("connectionTimeZone=UTC", "characterEncoding=UTF-8", "rewriteBatchedStatements=true",
                        "cachePrepStmts=true", "prepStmtCacheSqlLimit=8192", "useLocalSessionState=true");
    }

    @Test
    void theEmbeddedDatabaseIsReachedWithTheSameOptions() {
        String embedded = org.rapport.launcher.EmbeddedDatabase.jdbcUrl(3306);

        assertThat(DatabaseUrlConfigSource.withDefaults(embedded)).as("nothing to add").isEqualTo(embedded);
    }

    @Test
    void optionsTheOperatorSetAreKept() {
        String url = DatabaseUrlConfigSource.withDefaults("jdbc:mysql://db/rapport?sslMode=REQUIRED&connectionTimeZone=SERVER");

        assertThat(url).contains("sslMode=REQUIRED", "connectionTimeZone=SERVER").doesNotContain("connectionTimeZone=UTC");
    }

    @Test
    void theUrlOfAnEmbeddedDatabaseStillStartingIsWaitedFor() throws Exception {
        String property = "rapport.test.published-url." + System.nanoTime();
        Thread launcher = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            System.setProperty(property, "jdbc:mysql://127.0.0.1:3399/rapport");
        });
        try {
            launcher.start();
            assertThat(DatabaseUrlConfigSource.published(property, java.time.Duration.ofSeconds(30)))
                    .isEqualTo("jdbc:mysql://127.0.0.1:3399/rapport");
            assertThat(DatabaseUrlConfigSource.published(property + ".never", java.time.Duration.ofMillis(100)))
                    .as("a start that never publishes is given up after the limit").isNull();
        } finally {
            launcher.join();
            System.clearProperty(property);
        }
    }
}
