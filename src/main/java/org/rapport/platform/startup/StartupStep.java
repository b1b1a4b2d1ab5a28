package org.rapport.platform.startup;

/**
 * Work a feature does once at every start, after the schema is migrated and before any job is scheduled (the first
 * admin, demo data). Steps are CDI beans; they run one after another, lowest {@link #order()} first, outside any
 * transaction.
 */
public interface StartupStep {

    /** Where this step runs among the others; steps that prepare data another step expects come first. */
    int order();

    void run();
}
