package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.concurrent.TimeUnit;

/**
 * Counts what a connection leaves behind: its reader thread (virtual, so counted by {@link ApiChannel}, not
 * listed by {@link Thread#getAllStackTraces()}), send threads, the gateway's watchdog, and open sockets.
 */
final class Leaks {
    private Leaks() {
    }

    /** Loads every class and jar a connection needs once, so file-descriptor counts compare like with like. */
    static void warmUp() throws Exception {
        var settings = new GatewaySettings(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), 1,
                java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10));
        try (var s = new WordServer(WordServer::doneToAll);
             var g = new RouterOsGateway(settings, new FileCertificatePins(java.nio.file.Path.of("target", "warmup-pins")))) {
            var router = new com.nasnetconnect.domain.router.RouterEndpoint("127.0.0.1", s.port(), false, "a",
                    com.nasnetconnect.domain.common.Secret.of("b"));
            g.execute(router, com.nasnetconnect.domain.router.RouterCommand.of("/system/identity/print"));
            g.stream(router, com.nasnetconnect.domain.router.RouterCommand.of("/interface/listen"), r -> { }, e -> { }).close();
        } catch (com.nasnetconnect.domain.router.RouterException expected) {
            // the warm-up peer does not speak /cancel properly; loading the classes is all that counts
        }
    }

    /** Reader threads of API connections: one per open connection, virtual. */
    static long readerThreads() {
        return ApiChannel.liveReaders();
    }

    /** Reader and send threads of API connections, all virtual. */
    static long channelThreads() {
        return ApiChannel.liveReaders() + ApiChannel.liveSenders();
    }

    /** The adapter's threads: platform ones by name (the gateway's watchdog) and every channel's. */
    static long adapterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("nnc-routeros"))
                .count() + channelThreads();
    }

    /** Open sockets of this process (Linux: /proc/self/fd links to "socket:[…]"); -1 where not available. */
    static int openFiles() {
        File[] fds = new File("/proc/self/fd").listFiles();
        if (fds == null) return -1;
        int sockets = 0;
        for (File fd : fds) {
            try {
                if (java.nio.file.Files.readSymbolicLink(fd.toPath()).toString().startsWith("socket:")) sockets++;
            } catch (java.io.IOException | UnsupportedOperationException e) {
                // closed while listing
            }
        }
        return sockets;
    }

    record Baseline(long threads, int files) {
    }

    static Baseline baseline() {
        return new Baseline(adapterThreads(), openFiles());
    }

    /** Waits (bounded) until the adapter's threads and open sockets are back to the baseline. */
    static void assertBackTo(Baseline b) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until && (adapterThreads() > b.threads() || openFiles() > b.files())) {
            Thread.sleep(20);
        }
        assertThat(adapterThreads()).as("live reader, send and watchdog threads").isLessThanOrEqualTo(b.threads());
        if (b.files() >= 0) assertThat(openFiles()).as("open sockets").isLessThanOrEqualTo(b.files());
    }

    /**
     * Waits (at most 2 s) until nothing accepts connections on a loopback port any more: a closed listener's
     * port can briefly still complete connections that were already queued.
     */
    static void awaitPortClosed(int port) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < until) {
            try (var probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            } catch (java.io.IOException refused) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
