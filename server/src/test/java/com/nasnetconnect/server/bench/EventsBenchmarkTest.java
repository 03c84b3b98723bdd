package com.nasnetconnect.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of {@code bench events} (the run itself takes a simulated day; it is measured by hand). */
class EventsBenchmarkTest {
    @Test
    void benchEventsExplainsItselfAndRefusesABadEventCountNamingIt() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(Benchmarks.run(List.of("events", "--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bench events [--events N]").contains("/proc/self/io");
        for (String bad : List.of("ten", "12")) {
            err.reset();
            assertThat(Benchmarks.run(List.of("events", "--events", bad), new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("'" + bad + "'");
        }
        assertThat(Benchmarks.run(List.of("events", "--frobnicate"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }
}
