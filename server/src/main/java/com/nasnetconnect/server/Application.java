package com.nasnetconnect.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running server: its public port and everything that must be closed on shutdown, closed in reverse order
 * of start (front door first, databases last).
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Application.class.getName());
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private volatile int port;
    private volatile int demoRouterPort = -1;
    private boolean closed;

    <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    void ports(int port, int demoRouterPort) {
        this.port = port;
        this.demoRouterPort = demoRouterPort;
    }

    public int port() {
        return port;
    }

    /** The demo router's API port, or -1 when the demo is off. */
    public int demoRouterPort() {
        return demoRouterPort;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + r.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
