package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static com.nasnetconnect.routeros.sim.SimTestSupport.rows;
import static com.nasnetconnect.routeros.sim.SimTestSupport.trap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the factory's health and kill switch read from a router: a route with {@code check-gateway=ping} is
 * inactive while its gateway (a container's veth address) does not answer, and a blackhole route of higher
 * distance in the same table is the active one then; and /routing/rule with each version's attributes.
 */
@Timeout(20)
class RoutingHealthTest {
    private static final long PULL = 1_000;

    private final ContainerTest.ManualClock clock = new ContainerTest.ManualClock();
    private RouterOsSimulator sim;
    private RawApiClient c;
    private RawApiClient log;

    private void start(String version) throws IOException {
        sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw").clock(clock)
                .imagePullDelayMillis(PULL).imageExtractDelayMillis(PULL).build().start();
        c = SimTestSupport.login(sim);
        log = SimTestSupport.login(sim);
        log.send("/log/listen", ".tag=log");
        log.send("/system/identity/print", ".tag=sync");
        while (true) {
            List<String> s = log.read();
            if (s.getFirst().equals("!done") && s.contains(".tag=sync")) break;
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (log != null) log.close();
        if (c != null) c.close();
        if (sim != null) sim.close();
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aPingCheckedRouteIsInactiveWhileItsContainerGatewayDoesNotRunAndTheBlackholeTakesOver(String version) throws IOException {
        start(version);
        String selector = RosVersion.parse(version).atLeast(7, 20) ? "=numbers=" : "=number=";
        ok(c, "/interface/veth/add", "=name=nnc-tor-usa", "=address=10.99.101.254/30", "=gateway=10.99.101.253");
        ok(c, "/ip/address/add", "=address=10.99.101.253/30", "=interface=nnc-tor-usa");
        ok(c, "/routing/table/add", "=name=nnc-tor-usa", "=fib=yes");
        String gw = ok(c, "/ip/route/add", "=dst-address=0.0.0.0/0", "=gateway=10.99.101.254", "=routing-table=nnc-tor-usa",
                "=check-gateway=ping", "=distance=1");
        String hole = ok(c, "/ip/route/add", "=dst-address=0.0.0.0/0", "=blackhole=yes", "=routing-table=nnc-tor-usa",
                "=distance=250");
        String unchecked = ok(c, "/ip/route/add", "=dst-address=10.1.0.0/16", "=gateway=10.99.101.254",
                "=routing-table=nnc-tor-usa");
        String container = ok(c, "/container/add", "=remote-image=heiher/hev-socks5-tunnel:2.14.3", "=interface=nnc-tor-usa");

        // extracting: nobody answers on the veth
        assertThat(row(c, "/ip/route/print", "?.id=" + gw)).containsEntry("active", "false").containsEntry("inactive", "true");
        assertThat(row(c, "/ip/route/print", "?.id=" + hole)).containsEntry("active", "true").containsEntry("inactive", "false");
        assertThat(row(c, "/ip/route/print", "?.id=" + unchecked)).containsEntry("active", "true");

        String name = row(c, "/container/print", "?.id=" + container).get("name");
        clock.advance(Duration.ofMillis(2 * PULL));
        awaitLog("import successful, container " + name);
        ok(c, "/container/start", selector + container);
        assertThat(row(c, "/ip/route/print", "?.id=" + gw)).containsEntry("active", "true").containsEntry("inactive", "false");
        assertThat(row(c, "/ip/route/print", "?.id=" + hole)).containsEntry("active", "false").containsEntry("inactive", "false");

        assertThat(sim.crashContainer(name)).isTrue();
        assertThat(row(c, "/ip/route/print", "?.id=" + gw)).containsEntry("active", "false").containsEntry("inactive", "true");
        assertThat(row(c, "/ip/route/print", "?.id=" + hole)).containsEntry("active", "true");
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aRoutingRuleTakesTheCommandTreesAttributesAndRefusesAnUnknownAction(String version) throws IOException {
        start(version);
        ok(c, "/routing/table/add", "=name=nnc-wg-home", "=fib=yes");
        String id = ok(c, "/routing/rule/add", "=src-address=10.99.102.7/24", "=interface=ether2", "=action=lookup-only-in-table",
                "=table=nnc-wg-home", "=min-prefix=0", "=comment=nnc:x");
        assertThat(row(c, "/routing/rule/print", "?.id=" + id)).containsEntry("src-address", "10.99.102.0/24")
                .containsEntry("action", "lookup-only-in-table").containsEntry("table", "nnc-wg-home")
                .containsEntry("min-prefix", "0").containsEntry("disabled", "false");
        assertThat(trap(c, "/routing/rule/add", "=action=forward", "=table=main")).contains("action");
        assertThat(trap(c, "/routing/rule/add", "=action=lookup", "=table=no-such-table")).isNotEmpty();
        ok(c, "/routing/rule/remove", "=numbers=" + id);
        assertThat(rows(c, "/routing/rule/print")).isEmpty();
    }

    private void awaitLog(String message) throws IOException {
        while (true) {
            List<String> s = log.read();
            if (s == null) throw new AssertionError("log stream closed before '" + message + "'");
            if (s.contains("=message=" + message)) return;
        }
    }
}
