package org.rapport.platform.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.platform.startup.StartupStep;

/**
 * Reads the master key first at every start: a malformed key, a key file open to others or a key other than the one
 * the database's secrets were sealed with stops the start with the reason, before any feature needs a secret.
 */
@ApplicationScoped
public class SecretsAtStart implements StartupStep {

    @Inject
    Secrets secrets;

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void run() {
        secrets.currentKeyId(); // makes the bean, which checks the key
    }
}
