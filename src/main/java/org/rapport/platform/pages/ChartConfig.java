package org.rapport.platform.pages;

import jakarta.json.JsonObject;

/**
 * A Chart.js configuration for PrimeFaces' {@code p:chart}, which writes it as it is into a {@code <script>} element.
 * Labels carry what users typed (a problem's category, a salesperson's name), and JSON leaves {@code </script>} as it
 * is: every {@code <}, {@code >} and {@code &}, and the two line separators JavaScript once refused, are written as
 * {@code \}{@code uXXXX} escapes, which only occur inside JSON strings and read back as the same text.
 */
public final class ChartConfig {

    private ChartConfig() {
    }

    public static String of(JsonObject config) {
        String json = config.toString();
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format("\\u%04x", (int) c));
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
