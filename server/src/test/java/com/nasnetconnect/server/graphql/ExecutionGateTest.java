package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecutionGateTest {
    @Test
    void executionsRunOnThePoolsPlatformThreadsWhichEndOnceIdle() throws Exception {
        try (var gate = new ExecutionGate(2, 4, Duration.ofSeconds(1), Duration.ofMillis(200))) {
            Thread ranOn = gate.run("key", Thread::currentThread);
            assertThat(ranOn.getName()).startsWith("graphql-exec-");
            assertThat(ranOn.isVirtual()).isFalse();
            ranOn.join(Duration.ofSeconds(10));
            assertThat(ranOn.isAlive()).as("the pool thread, 200 ms without work").isFalse();
            assertThat(gate.run("key", () -> 42)).as("a new execution after the thread ended").isEqualTo(42);
        }
    }
}
