package org.rapport.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's figures at {@code /metrics}, read as Prometheus reads them: no login, the text format. */
public final class Metrics {

    private Metrics() {
    }

    public static String scrape(Api api) {
        Api.Reply reply = api.anonymous().get("metrics?scope=application");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    /** The value of an application metric that has no further labels. */
    public static double value(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{mp_scope=\"application\"\\} (\\S+)$").matcher(text);
        assertThat(m.find()).as("%s in:%n%s", name, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
