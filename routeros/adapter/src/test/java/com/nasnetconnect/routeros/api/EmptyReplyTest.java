package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RouterOS 7.18+ answers a print with no rows by {@code !empty} then {@code !done}. The bare me.legrange library
 * (one reason the adapter no longer uses it) never recovers from that word; the gateway reads it as no rows.
 */
@Timeout(30)
class EmptyReplyTest {
    @TempDir
    Path dir;

    /** A 7.18+ router: empty prints answer !empty, !done; everything else !re + !done. */
    private static void router718(List<String> s, OutputStream out) {
        String tag = ".tag=" + WordServer.tagOf(s);
        if (s.getFirst().equals("/ip/pool/print")) {
            WordServer.send(out, "!empty", tag);
        } else if (!s.getFirst().equals("/login")) {
            WordServer.send(out, "!re", tag, "=name=MikroTik");
        }
        WordServer.send(out, "!done", tag);
    }

    @Test
    void theBareLibraryHangsOnEmptyAndEveryLaterCommandTimesOut() throws Exception {
        try (var server = new WordServer(EmptyReplyTest::router718)) {
            ApiConnection bare = ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", server.port(), 2000);
            try {
                bare.setTimeout(1000);
                bare.login("admin", "pw");
                assertThat(bare.execute("/system/identity/print").getFirst().get("name")).isEqualTo("MikroTik");

                assertThatThrownBy(() -> bare.execute("/ip/pool/print"))
                        .isInstanceOf(MikrotikApiException.class).hasMessageContaining("timed out");
                // the router answered this one at once; the library's processor is stuck on "!empty"
                assertThatThrownBy(() -> bare.execute("/system/identity/print"))
                        .isInstanceOf(MikrotikApiException.class).hasMessageContaining("timed out");
                // ...and spinning: its processor thread burns CPU while nothing happens
                assertThat(processorCpuMillisDuring(Duration.ofMillis(500))).isGreaterThan(100);
            } finally {
                bare.close();
            }
        }
    }

    @Test
    void theBareLibraryHangsOnTheSimulatorIn7_23_3ButNotIn7_16_2() throws Exception {
        for (String version : List.of("7.16.2", "7.23.3")) {
            try (var sim = com.nasnetconnect.routeros.sim.RouterOsSimulator.builder().version(version)
                    .credentials("admin", "pw").apiPort(0).build().start()) {
                ApiConnection bare = ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", sim.apiPort(), 2000);
                try {
                    bare.setTimeout(1000);
                    bare.login("admin", "pw");
                    if (version.equals("7.16.2")) {
                        assertThat(bare.execute("/ip/pool/print")).isEmpty();
                        assertThat(bare.execute("/system/identity/print")).hasSize(1);
                    } else {
                        assertThatThrownBy(() -> bare.execute("/ip/pool/print")).hasMessageContaining("timed out");
                        assertThatThrownBy(() -> bare.execute("/system/identity/print")).hasMessageContaining("timed out");
                    }
                } finally {
                    bare.close();
                }
            }
        }
    }

    @Test
    void theGatewayReadsEmptyAsNoRowsAndAnswersEmptyPrintsAtOnce() throws Exception {
        try (var server = new WordServer(EmptyReplyTest::router718);
             var gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")))) {
            var router = new RouterEndpoint("127.0.0.1", server.port(), false, "admin", Secret.of("pw"));
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(gateway.execute(router, RouterCommand.of("/ip/pool/print")).rows()).isEmpty();
                assertThat(gateway.execute(router, RouterCommand.of("/system/identity/print")).rows()).hasSize(1);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(gateway.openConnections()).isEqualTo(1);
        }
    }

    static long processorCpuMillisDuring(Duration d) throws InterruptedException {
        var mx = ManagementFactory.getThreadMXBean();
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("Mikrotik API Result Processor")).mapToLong(Thread::threadId).toArray();
        long before = 0;
        for (long id : ids) before += Math.max(0, mx.getThreadCpuTime(id));
        Thread.sleep(d.toMillis());
        long after = 0;
        for (long id : ids) after += Math.max(0, mx.getThreadCpuTime(id));
        return (after - before) / 1_000_000;
    }
}
