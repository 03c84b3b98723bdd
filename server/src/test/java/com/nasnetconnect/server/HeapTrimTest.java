package com.nasnetconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapTrimTest {
    static final long MB = 1 << 20;

    @Test
    void aHeapGrownMoreThan16MiBBeyondWhatTheLastFullCollectionKeptIsWorthOneMore() {
        // a page load: the old generation filled up with garbage, so the heap grew to 60 MB over 24 MB kept
        assertThat(HeapTrim.worthCollecting(60 * MB, 24 * MB)).isTrue();
        // never collected yet: nothing known to be kept
        assertThat(HeapTrim.worthCollecting(30 * MB, 0)).isTrue();
    }

    @Test
    void aHeapThatFitsWhatTheLastFullCollectionKeptIsLeftAlone() {
        // right after a full collection: 24 MB kept, 15% free and the 8 MB young generation
        assertThat(HeapTrim.worthCollecting(36 * MB, 24 * MB)).isFalse();
        assertThat(HeapTrim.worthCollecting(40 * MB, 24 * MB)).isFalse();
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
