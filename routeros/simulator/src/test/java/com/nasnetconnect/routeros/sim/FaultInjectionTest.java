package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.trap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FaultInjectionTest {

    private RouterOsSimulator sim;
    private RawApiClient c;

    @BeforeEach
    void start() {
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").controlPort(0).build().start();
        c = SimTestSupport.login(sim);
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        sim.close();
    }

    @Test
    void rejectsTheNthCommandWithTheChosenMessageOnce() {
        sim.faults().rejectNth(2, "failure: out of memory");
        ok(c, "/system/identity/print");
        assertThat(trap(c, "/system/identity/print")).isEqualTo("failure: out of memory");
        ok(c, "/system/identity/print");
    }

    @Test
    void rejectsTheFirstCommandMatchingAPath() {
        sim.faults().rejectPath("/ip/address/add", "failure: busy");
        ok(c, "/ip/address/print");
        assertThat(trap(c, "/ip/address/add", "=address=10.0.0.1/24", "=interface=ether1")).isEqualTo("failure: busy");
        assertThat(ok(c, "/ip/address/add", "=address=10.0.0.1/24", "=interface=ether1")).isEqualTo("*1");
        assertThat(sim.snapshot().items("/ip/address")).hasSize(1);
    }

    @Test
    void delaysReplies() {
        sim.faults().delayReplies(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        ok(c, "/system/identity/print");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void dropsTheConnectionAfterNSentences() throws Exception {
        sim.faults().dropAfterSentences(2);
        c.send("/interface/print");
        assertThat(c.read()).contains("!re");
        assertThat(c.read()).contains("!re");
        assertThat(c.read()).isNull();
        try (RawApiClient again = SimTestSupport.login(sim)) {
            ok(again, "/system/identity/print");
        }
    }

    @Test
    void sendsGarbageOnce() throws Exception {
        sim.faults().sendGarbage();
        c.send("/system/identity/print");
        assertThatThrownBy(c::read).isInstanceOf(IOException.class);
    }

    @Test
    void stallsUntilCleared() throws Exception {
        sim.faults().stallForever();
        c.socket().setSoTimeout(400);
        c.send("/system/identity/print");
        assertThatThrownBy(c::read).isInstanceOf(SocketTimeoutException.class);
        sim.faults().clear();
        c.socket().setSoTimeout(5000);
        assertThat(c.call("/system/identity/print", ".tag=2").getFirst()).contains("!re", ".tag=2");
    }

    @Test
    void theControlEndpointArmsAndClearsFaultsOverLoopbackHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + sim.controlPort();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                + "/faults/reject-path?path=/system/identity/set&message=failure:%20locked"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(trap(c, "/system/identity/set", "=name=x")).isEqualTo("failure: locked");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/faults/delay?ms=abc"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ms is not a number: abc");
        ok(c, "/system/identity/set", "=name=via-api");
        HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(base + "/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(state.body()).contains("/system/identity *0 name=via-api");
        http.send(HttpRequest.newBuilder(URI.create(base + "/faults/stall")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sim.faults().plan().stall()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create(base + "/faults/clear")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sim.faults().plan()).isEqualTo(FaultPlan.NONE);
    }

    @Test
    void droppedConnectionsAreCountedDown() throws Exception {
        assertThat(sim.connectionCount()).isEqualTo(1);
        sim.dropConnections();
        assertThat(c.read()).isNull();
        for (int i = 0; i < 50 && sim.connectionCount() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(sim.connectionCount()).isZero();
    }

    @Test
    void rejectsBadFaultArguments() {
        assertThatThrownBy(() -> sim.faults().rejectNth(0, "x")).hasMessage("n must be >= 1: 0");
        assertThatThrownBy(() -> sim.faults().rejectPath("ip/address", "x"))
                .hasMessage("path must start with '/': ip/address");
        assertThat(List.of(sim.faults().plan())).containsExactly(FaultPlan.NONE);
    }
}
