package com.nasnetconnect.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives an idle server's spare heap back to the system. Under the launcher's settings (README: Footprint) the
 * serial collector shrinks the heap after a full collection, but an idle server may never need one: memory that a
 * burst of work (a GraphQL client, a page load) made the heap take stays taken. Every {@link #PERIOD_SECONDS}
 * seconds, when the heap has grown more than {@link #SLACK_BYTES} beyond what the last full collection kept, one
 * full collection runs (tens of milliseconds for this server's heap). After one, the heap holds about 12 MB beyond
 * what it keeps (8 MB young generation, 15% free), so a server that does not grow is not collected again. The first
 * one runs {@link #AFTER_START_SECONDS} seconds after start: start-up's garbage (schema parsing, Vaadin and Jetty
 * set-up) peaks well above what the running server keeps, and a collection right at start would pause the first
 * page. Only with the serial collector: the others return memory themselves or are chosen for throughput.
 */
final class HeapTrim implements AutoCloseable {
    static final long PERIOD_SECONDS = 30;
    static final long SLACK_BYTES = 16L << 20;
    static final long AFTER_START_SECONDS = 20;

    private final ScheduledExecutorService timer;

    private HeapTrim(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts trimming when the JVM runs the serial collector; otherwise does nothing. */
    static HeapTrim startIfSerial() {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        boolean serial = collectors.stream().anyMatch(c -> c.getName().equals("MarkSweepCompact"));
        if (!serial) return new HeapTrim(null);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-trim");
            t.setDaemon(true);
            return t;
        });
        // the old generation's use right after the last full collection: what the server keeps
        List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Tenured")).toList();
        LongSupplier kept = () -> old.stream().mapToLong(p -> {
            MemoryUsage u = p.getCollectionUsage();
            return u == null ? 0 : u.getUsed();
        }).sum();
        timer.schedule(System::gc, AFTER_START_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> {
            if (worthCollecting(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(), kept.getAsLong())) {
                System.gc();
            }
        }, AFTER_START_SECONDS + PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        return new HeapTrim(timer);
    }

    /**
     * Whether the heap has grown enough beyond what the last full collection kept to be worth one more (its
     * garbage in use or not: a burst leaves the old generation full of garbage, which counts as used).
     */
    static boolean worthCollecting(long committed, long keptByLastFullCollection) {
        return committed - keptByLastFullCollection > SLACK_BYTES;
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
