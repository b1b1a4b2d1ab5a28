package org.rapport.platform.time;

import java.time.ZoneId;

/** Time zones as stored: validated on import, but a row written before that (or by hand) must not stop a plan. */
public final class Zones {

    private Zones() {
    }

    /** The zone named {@code id}, or UTC when it is missing or unknown. */
    public static ZoneId orUtc(String id) {
        if (id == null || id.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
