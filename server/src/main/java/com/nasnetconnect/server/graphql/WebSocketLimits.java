package com.nasnetconnect.server.graphql;

import java.time.Duration;

/**
 * Protection limits of GraphQL over WebSocket, beyond those it shares with HTTP in {@link Limits} (a message
 * is capped at {@link Limits#maxRequestBytes()}, the HTTP body limit, and {@code connection_init} must come
 * within {@link Limits#initTimeout()}).
 *
 * @param maxConnections         open GraphQL WebSockets at once, over all clients; one more is closed with 1013
 * @param maxSubscriptionsPerKey operations running at once for one API key or user, over all its sockets; one
 *                               more is answered with an {@code error} message
 * @param idleTimeout            time an acknowledged socket may stay without a running operation and without a
 *                               message from its client; then it is closed with 1000
 * @param pingInterval           how often an acknowledged socket is sent a WebSocket ping
 * @param pingTimeout            time the client has to answer a ping with a pong; then the socket is closed with 1001
 */
public record WebSocketLimits(int maxConnections, int maxSubscriptionsPerKey, Duration idleTimeout,
                              Duration pingInterval, Duration pingTimeout) {
    public WebSocketLimits {
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
        if (maxSubscriptionsPerKey < 1) throw new IllegalArgumentException("maxSubscriptionsPerKey < 1: " + maxSubscriptionsPerKey);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("pingInterval", pingInterval);
        requirePositive("pingTimeout", pingTimeout);
    }

    /**
     * 1000 connections, 100 operations per key, 10 min idle, a ping every 10 s answered within 20 s. The pings come
     * well within the public port's idle timeout (20 s), which closes a socket whose client sent nothing, not even a
     * pong, for that long.
     */
    public static WebSocketLimits defaults() {
        return new WebSocketLimits(1000, 100, Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
    }
}
