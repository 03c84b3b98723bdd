package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static com.nasnetconnect.routeros.sim.SimTestSupport.rows;
import static com.nasnetconnect.routeros.sim.SimTestSupport.trap;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SafeModeTest {

    private RouterOsSimulator sim;

    @BeforeEach
    void start() {
        sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void changesAreUndoneWhenTheSessionHoldingSafeModeDrops() throws Exception {
        SimulatorState before = sim.snapshot();
        try (RawApiClient a = SimTestSupport.login(sim)) {
            ok(a, "/safe-mode/take");
            ok(a, "/system/identity/set", "=name=risky");
            ok(a, "/ip/address/add", "=address=10.0.0.1/24", "=interface=ether1");
            ok(a, "/interface/ethernet/set", "=numbers=ether1", "=mtu=9000");
            assertThat(before.diff(sim.snapshot())).hasSize(3);
        }
        for (int i = 0; i < 100 && !before.diff(sim.snapshot()).isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(before.diff(sim.snapshot())).isEmpty();
        try (RawApiClient b = SimTestSupport.login(sim)) {
            // the id allocated in the undone session stays burnt
            assertThat(ok(b, "/ip/address/add", "=address=10.0.0.2/24", "=interface=ether1")).isEqualTo("*2");
        }
    }

    @Test
    void releaseKeepsAndUnrollUndoesAndOthersCannotTakeIt() throws Exception {
        try (RawApiClient a = SimTestSupport.login(sim); RawApiClient b = SimTestSupport.login(sim)) {
            ok(a, "/safe-mode/take");
            assertThat(trap(b, "/safe-mode/take")).startsWith("failure: safe mode is already taken");
            ok(a, "/ip/pool/add", "=name=kept", "=ranges=1.1.1.1");
            ok(b, "/ip/pool/add", "=name=other-session", "=ranges=1.1.1.2");
            ok(a, "/safe-mode/release");
            ok(a, "/safe-mode/take");
            ok(a, "/ip/pool/add", "=name=undone", "=ranges=1.1.1.3");
            ok(a, "/safe-mode/unroll");
            assertThat(rows(a, "/ip/pool/print")).extracting(r -> r.get("name")).containsExactly("kept", "other-session");
            assertThat(row(a, "/system/identity/print")).containsEntry("name", "MikroTik");
        }
    }

    @Test
    void version716HasNoSafeModeOverTheApi() {
        try (RouterOsSimulator old = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").build()
                .start(); RawApiClient c = SimTestSupport.login(old)) {
            assertThat(trap(c, "/safe-mode/take")).isEqualTo("no such command prefix");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
