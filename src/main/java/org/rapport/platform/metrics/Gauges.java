package org.rapport.platform.metrics;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers a gauge read at each scrape. A figure read from the database is the same on every instance, since they share
 * it. While the database cannot answer, the gauge reports NaN (a gap in the graph, which the health check explains)
 * instead of failing the whole scrape.
 */
public final class Gauges {

    private static final Logger LOG = Logger.getLogger(Gauges.class.getName());

    private Gauges() {
    }

    public static void register(MetricRegistry registry, String name, String description, String unit, Supplier<? extends Number> read) {
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
        registry.gauge(metadata, () -> {
            try {
                Number value = read.get();
                return value == null ? Double.NaN : value.doubleValue();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, name + " could not be read", e);
                return Double.NaN;
            }
        });
    }

    public static void register(MetricRegistry registry, String name, String description, Supplier<? extends Number> read) {
        register(registry, name, description, MetricUnits.NONE, read);
    }
}
