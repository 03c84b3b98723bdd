package com.nasnetconnect.server.graphql;

import java.time.Duration;

/**
 * How much GraphQL work one API key (or signed-in user) may cause, and the server as a whole: a cost budget
 * (a token bucket in {@link QueryCost} units per key) and bounds on concurrent executions.
 *
 * <p>A request whose cost the key's bucket cannot pay is refused with HTTP 429 (error code
 * {@code RATE_LIMITED}, {@code Retry-After} the seconds until the bucket holds the cost again). A request that
 * finds the key's or the server's executions all busy waits up to {@code queueWait}, then is refused with
 * HTTP 503 (error code {@code BUSY}, {@code Retry-After}).
 *
 * @param costPerSecond       cost units a key regains per second
 * @param costBurst           cost units a key may spend at once (the bucket's size); a single query costs at most
 *                            {@link Limits#maxCost()}, so this should be at least that
 * @param maxConcurrentPerKey executions one key may have running at once
 * @param maxConcurrent       executions the server runs at once, for all keys together
 * @param queueWait           how long a request may wait for a free execution before it is refused
 */
public record LoadLimits(double costPerSecond, int costBurst, int maxConcurrentPerKey, int maxConcurrent,
                         Duration queueWait) {
    public LoadLimits {
        if (!(costPerSecond > 0)) throw new IllegalArgumentException("costPerSecond must be > 0: " + costPerSecond);
        if (costBurst < 1) throw new IllegalArgumentException("costBurst < 1: " + costBurst);
        if (maxConcurrentPerKey < 1) throw new IllegalArgumentException("maxConcurrentPerKey < 1: " + maxConcurrentPerKey);
        if (maxConcurrent < maxConcurrentPerKey) {
            throw new IllegalArgumentException("maxConcurrent < maxConcurrentPerKey: " + maxConcurrent + " < " + maxConcurrentPerKey);
        }
        if (queueWait.isNegative()) throw new IllegalArgumentException("queueWait must not be negative: " + queueWait);
    }

    /**
     * 2,000 cost units per second with bursts of 10,000 (two queries at the 5,000 cost limit, or a few hundred
     * ordinary ones), 4 executions per key (a client with a few connections keeps both cores of a small box busy:
     * with 2, 8 connections reached 0.27 of /health's rate, with 4, 0.34–0.35) and 2 per processor (at least 8) in
     * all, so another key always finds free executions, waiting at most 1 s.
     */
    public static LoadLimits defaults() {
        return new LoadLimits(2_000, 10_000, 4, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(1));
    }

    /**
     * These bounds with a cost budget that grows with the request rate: 40 cost units a second per request a
     * second and 100 per request of burst (the defaults are exactly that at 50 requests/s with bursts of 100),
     * never less than these limits give. A key allowed more requests (NNC_GRAPHQL_RATE) may spend more.
     */
    public LoadLimits following(Limits requests) {
        return new LoadLimits(Math.max(costPerSecond, 40 * requests.requestsPerSecond()),
                (int) Math.min(Integer.MAX_VALUE, Math.max(costBurst, 100L * requests.burst())),
                maxConcurrentPerKey, maxConcurrent, queueWait);
    }
}
