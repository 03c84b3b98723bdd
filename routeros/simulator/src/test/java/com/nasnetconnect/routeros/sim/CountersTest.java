package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Counters move with the simulator's clock, deterministically: what a telemetry poller reads. */
@Timeout(30)
class CountersTest {

    @Test
    void interfaceAndWireguardPeerCountersGrowWithTheClockAndAnEnabledPeerHasARecentHandshake() throws Exception {
        var clock = new ContainerTest.ManualClock();
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").clock(clock).build().start();
             RawApiClient c = SimTestSupport.login(sim)) {
            ok(c, "/interface/wireguard/add", "=name=wg0");
            String key = WireGuardKeys.publicKey(WireGuardKeys.generatePrivateKey());
            ok(c, "/interface/wireguard/peers/add", "=interface=wg0", "=public-key=" + key, "=allowed-address=10.8.0.2/32");
            clock.advance(Duration.ofSeconds(10));
            var iface1 = row(c, "/interface/print", "?name=ether1");
            var peer1 = row(c, "/interface/wireguard/peers/print");
            var res1 = row(c, "/system/resource/print");
            clock.advance(Duration.ofSeconds(5));
            var iface2 = row(c, "/interface/print", "?name=ether1");
            var peer2 = row(c, "/interface/wireguard/peers/print");
            var res2 = row(c, "/system/resource/print");

            long rx1 = Long.parseLong(iface1.get("rx-byte"));
            long rx2 = Long.parseLong(iface2.get("rx-byte"));
            assertThat(rx2).isGreaterThan(rx1);
            assertThat(Long.parseLong(iface2.get("tx-packet"))).isGreaterThan(Long.parseLong(iface1.get("tx-packet")));
            assertThat(Long.parseLong(peer2.get("rx"))).isGreaterThan(Long.parseLong(peer1.get("rx")));
            assertThat(Long.parseLong(peer2.get("tx"))).isGreaterThan(Long.parseLong(peer1.get("tx")));
            assertThat(peer1.get("last-handshake")).isEqualTo("10s");
            assertThat(peer2.get("last-handshake")).isEqualTo("15s");
            assertThat(res2.get("free-memory")).isNotEqualTo(res1.get("free-memory"));

            ok(c, "/interface/wireguard/peers/disable", "=numbers=peer1");
            var silent = row(c, "/interface/wireguard/peers/print");
            assertThat(silent).doesNotContainKey("last-handshake").containsEntry("rx", "0");
        }
    }
}
