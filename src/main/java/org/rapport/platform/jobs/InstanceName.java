package org.rapport.platform.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names this process in claims and run records: a host can run several instances, and a restarted one is a new one. */
public final class InstanceName {

    public static final String VALUE = host() + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private InstanceName() {
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
