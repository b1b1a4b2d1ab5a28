package org.rapport.suppression;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.platform.startup.StartupStep;

/**
 * Reads (at the first start: generates) the list's hash key at start, outside any transaction: made inside the first
 * caller's transaction, a key rolled back with it would already be in use.
 */
@ApplicationScoped
public class SuppressionKeyAtStart implements StartupStep {

    @Inject
    SuppressionList list;

    @Override
    public int order() {
        return 5;
    }

    @Override
    public void run() {
        list.contains(""); // makes the bean, which reads its key
    }
}
