package com.nasnetconnect.server.graphql;

import java.time.Duration;

/**
 * Protection limits of the GraphQL endpoint.
 *
 * @param maxRequestBytes   largest request body (POST) or query string (GET) accepted; larger is 413
 * @param maxDepth          deepest selection nesting; deeper is refused before execution
 * @param maxCost           largest estimated cost: 1 per field, a connection's children times its {@code first}
 * @param requestsPerSecond sustained requests per API key (HTTP requests and WebSocket operations)
 * @param burst             requests a key may make at once above the sustained rate
 * @param initTimeout       time a WebSocket client has to send {@code connection_init} (else 4408)
 * @param maxBufferedUpdates subscription updates allowed to wait for a slow client before it is dropped
 */
public record Limits(int maxRequestBytes, int maxDepth, int maxCost, double requestsPerSecond, int burst,
                     Duration initTimeout, int maxBufferedUpdates) {
    public Limits {
        if (maxRequestBytes < 1) throw new IllegalArgumentException("maxRequestBytes < 1: " + maxRequestBytes);
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth < 1: " + maxDepth);
        if (maxCost < 1) throw new IllegalArgumentException("maxCost < 1: " + maxCost);
        if (!(requestsPerSecond > 0)) throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
        if (burst < 1) throw new IllegalArgumentException("burst < 1: " + burst);
        if (initTimeout.isNegative() || initTimeout.isZero()) throw new IllegalArgumentException("initTimeout must be positive: " + initTimeout);
        if (maxBufferedUpdates < 1) throw new IllegalArgumentException("maxBufferedUpdates < 1: " + maxBufferedUpdates);
    }

    /** These limits with another sustained rate and burst per key (NNC_GRAPHQL_RATE, NNC_GRAPHQL_BURST). */
    public Limits withRate(double requestsPerSecond, int burst) {
        return new Limits(maxRequestBytes, maxDepth, maxCost, requestsPerSecond, burst, initTimeout, maxBufferedUpdates);
    }

    /** The sustained rate as people write it: 50, not 50.0. */
    String rateText() {
        return requestsPerSecond == Math.rint(requestsPerSecond) ? Long.toString((long) requestsPerSecond)
                : Double.toString(requestsPerSecond);
    }

    /** 100 KiB, depth 12, cost 5000, 50 requests/s with bursts of 100, 10 s to init, 1000 buffered updates. */
    public static Limits defaults() {
        return new Limits(100 * 1024, 12, 5000, 50, 100, Duration.ofSeconds(10), 1000);
    }
}
