package org.rapport.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real WAR the build produced, so the tests exercise exactly what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive rapport() {
        File war = new File(System.getProperty("rapport.test.war", "target/rapport.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
