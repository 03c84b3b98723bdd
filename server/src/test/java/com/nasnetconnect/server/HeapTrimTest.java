package com.nasnetconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapTrimTest {
    static final long MB = 1 << 20;

    @Test
    void anOldGenerationHoldingMoreThan6MiBBeyondWhatTheLastFullCollectionKeptIsWorthOneMore() {
        // a page load or a minute of polling 100 routers: 24 MB kept, 31 MB used (the rest promoted garbage)
        assertThat(HeapTrim.worthCollecting(31 * MB, 24 * MB)).isTrue();
        // never collected yet: nothing known to be kept
        assertThat(HeapTrim.worthCollecting(20 * MB, 0)).isTrue();
    }

    @Test
    void anOldGenerationCloseToWhatTheLastFullCollectionKeptIsLeftAlone() {
        assertThat(HeapTrim.worthCollecting(24 * MB, 24 * MB)).as("right after it").isFalse();
        assertThat(HeapTrim.worthCollecting(30 * MB, 24 * MB)).as("6 MiB of garbage").isFalse();
    }

    @Test
    void aBiggerKeptHeapMayHoldAQuarterOfItInGarbageFirst() {
        // 1,000 routers: 50 MB kept, collected after 12.5 MiB of garbage, not after 6
        assertThat(HeapTrim.worthCollecting(60 * MB, 50 * MB)).isFalse();
        assertThat(HeapTrim.worthCollecting(63 * MB, 50 * MB)).isTrue();
    }

    @Test
    void withTheDefaultCollectorOfTheTestJvmNothingIsScheduledUnlessItIsTheSerialOne() throws Exception {
        boolean serial = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(c -> c.getName().equals("MarkSweepCompact"));
        try (HeapTrim trim = HeapTrim.startIfSerial()) {
            boolean running = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("heap-trim"));
            assertThat(running).isEqualTo(serial);
        }
    }
}
