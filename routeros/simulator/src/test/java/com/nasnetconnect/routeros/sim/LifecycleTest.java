package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static com.nasnetconnect.routeros.sim.SimTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LifecycleTest {

    private static long simThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sim-")).count();
    }

    @Test
    void closingASimulatorReleasesItsThreadsAndPorts() throws Exception {
        long before = simThreads();
        int port;
        for (int i = 0; i < 5; i++) {
            try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").tlsPort(0)
                    .controlPort(0).build().start(); RawApiClient c = SimTestSupport.login(sim)) {
                c.send("/interface/listen", ".tag=l");
                ok(c, "/system/identity/print");
                port = sim.apiPort();
            }
            // a restarted simulator gets the same port back at once (the demo router restarts this way)
            try (RouterOsSimulator again = RouterOsSimulator.builder().credentials("admin", "pw").apiPort(port)
                    .build().start()) {
                assertThat(again.apiPort()).isEqualTo(port);
            }
        }
        for (int i = 0; i < 100 && simThreads() > before; i++) {
            Thread.sleep(20);
        }
        assertThat(simThreads()).isLessThanOrEqualTo(before);
    }

    @Test
    void aPortInUseFailsStartWithTheAddressInTheMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> RouterOsSimulator.builder().apiPort(taken.getLocalPort()).build().start())
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void theBuilderRejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> RouterOsSimulator.builder().version("7.1")).hasMessageContaining("7.1");
        assertThatThrownBy(() -> RouterOsSimulator.builder().apiPort(-1)).hasMessage("apiPort out of range: -1");
        assertThatThrownBy(() -> RouterOsSimulator.builder().tlsPort(65536)).hasMessage("tlsPort out of range: 65536");
        assertThatThrownBy(() -> RouterOsSimulator.builder().credentials(" ", "x"))
                .hasMessage("user must not be blank");
    }

    @Test
    void packagesLogAndGetallAreServed() {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").build()
                .start(); RawApiClient c = SimTestSupport.login(sim)) {
            assertThat(rows(c, "/system/package/print")).extracting(r -> r.get("name") + " " + r.get("version"))
                    .containsExactly("routeros 7.23.3", "container 7.23.3");
            assertThat(rows(c, "/system/package/getall")).hasSize(2);
            ok(c, "/log/warning", "=message=hello from the api");
            assertThat(row(c, "/log/print", "?message=hello from the api")).containsEntry("topics", "script,warning")
                    .containsKey("time");
            assertThat(rows(c, "/log/print", "?topics=system,info,account")).isNotEmpty();
            assertThat(SimTestSupport.trap(c, "/system/package/add", "=name=x")).isEqualTo("no such command");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void systemResourceValuesMoveWhileTheRouterRuns() throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").build().start();
             RawApiClient c = SimTestSupport.login(sim)) {
            var first = row(c, "/system/resource/print");
            var iface1 = row(c, "/interface/print", "?name=ether1");
            Thread.sleep(1100);
            var second = row(c, "/system/resource/print");
            var iface2 = row(c, "/interface/print", "?name=ether1");
            assertThat(second.get("uptime")).isNotEqualTo(first.get("uptime"));
            assertThat(Long.parseLong(iface2.get("rx-byte"))).isGreaterThan(Long.parseLong(iface1.get("rx-byte")));
            assertThat(Long.parseLong(second.get("free-memory"))).isLessThan(Long.parseLong(second.get("total-memory")));
            assertThat(first).containsEntry("version", "7.16.2 (stable)").containsEntry("board-name", "CHR");
        }
    }
}
