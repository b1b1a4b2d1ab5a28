/**
 * What an operator alerts on, at {@code /metrics?scope=application} (MicroProfile Metrics, Prometheus text): each feature
 * registers its own figures through {@link org.rapport.platform.metrics.Gauges}; docs/operations.md lists them with the
 * alerts to set.
 */
package org.rapport.platform.metrics;
