package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.concurrent.TimeUnit;

/** Counts what a connection leaves behind: the library's two threads per connection, and open file descriptors. */
final class Leaks {
    private Leaks() {
    }

    static long libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("Mikrotik API"))
                .count();
    }

    static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    record Baseline(long threads, int files) {
    }

    static Baseline baseline() {
        return new Baseline(libraryThreads(), openFiles());
    }

    /** Waits (bounded) until library threads and open files are back to the baseline. */
    static void assertBackTo(Baseline b) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until && (libraryThreads() > b.threads() || openFiles() > b.files())) {
            Thread.sleep(20);
        }
        assertThat(libraryThreads()).as("live me.legrange threads").isLessThanOrEqualTo(b.threads());
        if (b.files() >= 0) assertThat(openFiles()).as("open file descriptors").isLessThanOrEqualTo(b.files());
    }
}
