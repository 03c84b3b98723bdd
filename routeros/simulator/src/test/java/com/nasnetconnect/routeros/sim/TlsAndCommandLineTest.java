package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import me.legrange.mikrotik.ApiConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TlsAndCommandLineTest {

    /** Trusts exactly one certificate, captured on first use (what a TOFU client does). */
    private static SSLContext trustFirstUse(X509Certificate[] seen) throws Exception {
        X509TrustManager tm = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return ctx;
    }

    @Test
    void servesApiSslWithASelfSignedCertificate() throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").tlsPort(0).build()
                .start()) {
            assertThat(sim.tlsPort()).isPositive().isNotEqualTo(sim.apiPort());
            X509Certificate[] seen = new X509Certificate[1];
            SSLSocket socket = (SSLSocket) trustFirstUse(seen).getSocketFactory().createSocket("127.0.0.1", sim.tlsPort());
            try (RawApiClient c = new RawApiClient(socket)) {
                c.login("admin", "pw");
                assertThat(c.call("/system/identity/print").getFirst()).contains("=name=MikroTik");
            }
            assertThat(seen[0].getSubjectX500Principal().getName()).isEqualTo(seen[0].getIssuerX500Principal().getName());
            seen[0].verify(seen[0].getPublicKey());
            ApiConnection con = ApiConnection.connect(trustFirstUse(seen).getSocketFactory(), "127.0.0.1",
                    sim.tlsPort(), 3000);
            try (con) {
                con.setTimeout(5000);
                con.login("admin", "pw");
                List<Map<String, String>> rows = con.execute("/system/resource/print");
                assertThat(rows.getFirst()).containsEntry("board-name", "CHR");
            }
        }
    }

    @Test
    void theApiPortDoesNotSpeakTls() throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").build().start()) {
            assertThat(sim.tlsPort()).isEqualTo(-1);
            assertThat(sim.controlPort()).isEqualTo(-1);
            try (Socket plain = new Socket("127.0.0.1", sim.apiPort())) {
                assertThat(plain.isConnected()).isTrue();
            }
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = SimulatorCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return code + " " + bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandLineExplainsBadArgumentsInOneLine() {
        assertThat(run("--help")).startsWith("0 usage: simulate --port P");
        assertThat(run("--port", "x", "--version", "7.16.2", "--user", "u", "--password", "p"))
                .startsWith("2 simulate: --port is not a port number: 'x'\n");
        assertThat(run("--port", "0", "--version", "6.49", "--user", "u", "--password", "p"))
                .startsWith("2 simulate: unsupported RouterOS version: 6.49 (supported: 7.16.2, 7.23.3)\n");
        assertThat(run("--port", "0", "--version", "7.16.2", "--user", "u"))
                .startsWith("2 simulate: missing --password\n");
        assertThat(run("--port", "0", "--frobnicate", "1")).startsWith("2 simulate: unknown option '--frobnicate'");
        assertThat(run("--port")).startsWith("2 simulate: option --port needs a value");
        assertThat(run("--port", "70000")).startsWith("2 simulate: --port out of range 0..65535: 70000");
    }

    @Test
    void theCommandLineRunsASimulatorUntilStopped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> code.set(SimulatorCommand.run(new String[] {"--port", "0",
            "--version", "7.23.3", "--user", "u", "--password", "p", "--control-port", "0"}, out)));
        for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains("listening"); i++) {
            Thread.sleep(20);
        }
        String banner = bytes.toString(StandardCharsets.UTF_8);
        assertThat(banner).contains("RouterOS 7.23.3 simulator listening on API port").contains("control port");
        int port = Integer.parseInt(banner.replaceAll("(?s).*API port (\\d+).*", "$1"));
        try (RawApiClient c = new RawApiClient(port)) {
            c.login("u", "p");
            assertThat(c.call("/system/resource/print").getFirst()).contains("=version=7.23.3 (stable)");
        }
        t.interrupt();
        t.join(5000);
        assertThat(code.get()).isZero();
        assertThatThrownBy(() -> new RawApiClient(port).call("/login")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void routersNStartsNIndependentRoutersOnConsecutivePortsSharingOneCommandTree() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int base = 0;
        Thread t = null;
        for (int attempt = 0; attempt < 5 && t == null; attempt++) {
            bytes.reset();
            int tryBase = 20_000 + new java.util.Random().nextInt(20_000);
            AtomicInteger code = new AtomicInteger(-1);
            Thread started = Thread.ofPlatform().start(() -> code.set(SimulatorCommand.run(new String[] {"--port", String.valueOf(tryBase),
                "--version", "7.16.2", "--user", "u", "--password", "p", "--routers", "3", "--identity", "edge"}, out)));
            for (int i = 0; i < 300 && !bytes.toString(StandardCharsets.UTF_8).contains("listening") && code.get() < 0; i++) {
                Thread.sleep(20);
            }
            if (bytes.toString(StandardCharsets.UTF_8).contains("listening")) {
                t = started;
                base = tryBase;
            } else {
                started.join(5000); // a port of the range was taken: try another range
            }
        }
        assertThat(t).as("a free range of 3 ports in 5 attempts").isNotNull();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("3 RouterOS 7.16.2 simulators listening on API ports " + base + ".." + (base + 2));
        // a router without the container package in the same process: the shared tree loses no menu for the others
        var bare = RouterOsSimulator.builder().apiPort(0).version("7.16.2").credentials("u", "p").packages("routeros").build().start();
        try {
            for (int i = 0; i < 3; i++) {
                try (RawApiClient c = new RawApiClient(base + i)) {
                    c.login("u", "p");
                    assertThat(c.call("/system/identity/print").getFirst()).contains("=name=edge-" + (i + 1));
                    c.call("/ip/address/add", "=address=10.0.0." + (i + 1) + "/24", "=interface=ether1");
                    assertThat(c.call("/ip/address/print").stream().flatMap(List::stream).filter(w -> w.startsWith("=address=10.0.0.")))
                            .as("router " + (i + 1) + " holds only its own address").containsExactly("=address=10.0.0." + (i + 1) + "/24");
                    assertThat(c.call("/container/print").getLast().getFirst()).isEqualTo("!done");
                }
            }
            try (RawApiClient c = new RawApiClient(bare.apiPort())) {
                c.login("u", "p");
                assertThat(c.call("/container/print").getFirst().getFirst()).isEqualTo("!trap");
            }
        } finally {
            bare.close();
            t.interrupt();
            t.join(5000);
        }
        int first = base;
        assertThatThrownBy(() -> new RawApiClient(first).call("/login")).isInstanceOf(java.io.IOException.class);
    }
}
