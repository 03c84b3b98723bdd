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
 * serial collector shrinks the heap after a full collection, but it runs one only when the old generation cannot
 * grow any more: until then every young collection promotes a little (what was in flight: a poll round's replies, the
 * stacks of parked virtual threads), and that garbage stays resident. With 100 routers polled every two seconds the
 * old generation grew about 0.1 MB/s. Every {@link #PERIOD_SECONDS} seconds, when the old generation holds more than
 * {@link #OLD_SLACK_BYTES}, or a quarter of what the last full collection kept if that is more, beyond what it kept,
 * one full collection runs (about 80 ms for this server's heap on a desktop core, so about once a minute with 100
 * routers; a bigger fleet, with more to keep and to copy, is collected less often). The first one runs
 * {@link #AFTER_START_SECONDS} seconds after start: start-up's garbage (schema parsing, Vaadin and Jetty set-up)
 * peaks well above what the running server keeps, and a collection right at start would pause the first page. Only
 * with the serial collector: the others return memory themselves or are chosen for throughput.
 */
final class HeapTrim implements AutoCloseable {
    static final long PERIOD_SECONDS = 10;
    static final long OLD_SLACK_BYTES = 6L << 20;
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
        List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Tenured")).toList();
        // the old generation's use now (garbage included) and right after the last full collection (what the server keeps)
        LongSupplier used = () -> old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        LongSupplier kept = () -> old.stream().mapToLong(p -> {
            MemoryUsage u = p.getCollectionUsage();
            return u == null ? 0 : u.getUsed();
        }).sum();
        timer.schedule(System::gc, AFTER_START_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> {
            if (worthCollecting(used.getAsLong(), kept.getAsLong())) System.gc();
        }, AFTER_START_SECONDS + PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        return new HeapTrim(timer);
    }

    /**
     * Whether the old generation holds enough beyond what the last full collection kept to be worth one more (its
     * use counts the promoted garbage too: only a full collection finds out what of it is dead).
     */
    static boolean worthCollecting(long oldUsed, long keptByLastFullCollection) {
        return oldUsed - keptByLastFullCollection > Math.max(OLD_SLACK_BYTES, keptByLastFullCollection / 4);
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
