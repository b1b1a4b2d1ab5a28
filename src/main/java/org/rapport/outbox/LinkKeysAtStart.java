package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.platform.startup.StartupStep;

/**
 * Reads the link keys at start rather than at the first link: a {@code RAPPORT_LINKS_KEYS} that cannot be used, or keys
 * that lack one which signed links already sent, stop the start with the reason, and the first instance of a new
 * database stores its generated key before any email.
 */
@ApplicationScoped
public class LinkKeysAtStart implements StartupStep {

    @Inject
    Links links;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void run() {
        links.check();
    }
}
