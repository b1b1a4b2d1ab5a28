package org.rapport.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;

/** Runs every {@link StartupStep} once the schema is migrated; the scheduler starts after it, so jobs see their data. */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupSteps {

    @Inject
    Instance<StartupStep> steps;

    @PostConstruct
    void run() {
        steps.stream().sorted(Comparator.comparingInt(StartupStep::order)).forEach(StartupStep::run);
    }
}
