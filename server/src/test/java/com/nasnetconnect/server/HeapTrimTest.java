package com.nasnetconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;

class HeapTrimTest {
    static final long MB = 1 << 20;

    @Test
    void aHeapHoldingMoreThan16MiBBeyondWhatIsUsedIsWorthAFullCollection() {
        assertThat(HeapTrim.worthCollecting(new MemoryUsage(16 * MB, 30 * MB, 56 * MB, 64 * MB))).isTrue();
    }

    @Test
    void aHeapThatFitsWhatIsUsedIsLeftAlone() {
        assertThat(HeapTrim.worthCollecting(new MemoryUsage(16 * MB, 25 * MB, 36 * MB, 64 * MB))).isFalse();
        assertThat(HeapTrim.worthCollecting(new MemoryUsage(16 * MB, 40 * MB, 56 * MB, 64 * MB))).isFalse();
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
