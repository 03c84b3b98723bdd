package com.nasnetconnect.server.graphql;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an API key's name): {@code burst} tokens, refilled at {@code perSecond}. A token is one
 * request ({@link #tryAcquire(String)}) or one unit of {@link QueryCost} ({@link #take(String, int)}). Thread-safe.
 */
final class RateLimiter {
    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastMillis = now;
        }
    }

    /** Takes a token for {@code key}; false when the key has none left (the caller answers 429 / 4429). */
    boolean tryAcquire(String key) {
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastMillis) * perSecond / 1000.0);
            b.lastMillis = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    /**
     * Takes {@code cost} tokens for {@code key} (a cost above the bucket's size needs a full bucket): 0 when taken,
     * otherwise the whole seconds (at least 1) until the key will have them, for Retry-After.
     */
    long take(String key, int cost) {
        double need = Math.min(Math.max(cost, 0), burst);
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastMillis) * perSecond / 1000.0);
            b.lastMillis = now;
            if (b.tokens >= need) {
                b.tokens -= need;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((need - b.tokens) / perSecond));
        }
    }

    /** Whole seconds until the key has a token again (at least 1), for Retry-After. */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
