package com.nasnetconnect.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gives an idle server's spare heap back to the system. Under the launcher's settings (README: Footprint) the
 * serial collector shrinks the heap after a full collection, but an idle server may never need one: memory that a
 * burst of work (a GraphQL client, a page load) made the heap take stays taken. Every {@link #PERIOD_MINUTES}
 * minutes, when the heap holds more than {@link #SLACK_BYTES} beyond what is in use, one full collection runs
 * (tens of milliseconds for this server's heap). The first one runs {@link #AFTER_START_SECONDS} seconds after start:
 * start-up's garbage (schema parsing, Vaadin and Jetty set-up) peaks well above what the running server keeps, and
 * a collection right at start would pause the first page. Only with the serial collector: the others return memory
 * themselves or are chosen for throughput.
 */
final class HeapTrim implements AutoCloseable {
    static final long PERIOD_MINUTES = 5;
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
        Supplier<MemoryUsage> heap = () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        timer.schedule(System::gc, AFTER_START_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> {
            if (worthCollecting(heap.get())) System.gc();
        }, PERIOD_MINUTES, PERIOD_MINUTES, TimeUnit.MINUTES);
        return new HeapTrim(timer);
    }

    /** Whether the heap holds enough spare memory to be worth a full collection. */
    static boolean worthCollecting(MemoryUsage heap) {
        return heap.getCommitted() - heap.getUsed() > SLACK_BYTES;
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
