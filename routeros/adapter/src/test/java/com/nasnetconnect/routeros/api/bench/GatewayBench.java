package com.nasnetconnect.routeros.api.bench;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.nio.file.Files;
import java.util.Arrays;
import javax.net.SocketFactory;
import me.legrange.mikrotik.ApiConnection;

/**
 * Benchmark (not a test): a 100-row {@code /ip/firewall/address-list/print} against the in-process simulator
 * (RouterOS 7.23.3 mode) on loopback, through {@link RouterOsGateway} and through the bare me.legrange library.
 * Prints commands/s and p50/p99 latency of each, and the ratio. Rounds alternate to spread machine noise.
 *
 * <p>Run: {@code ./routeros/bench.sh [iterations] [rounds]} (see that script), or after a test-compile:
 * {@code java -cp <test-classes:classes:deps> com.nasnetconnect.routeros.api.bench.GatewayBench 2000 3}.
 */
public final class GatewayBench {
    private static final int ROWS = 100;

    private GatewayBench() {
    }

    interface Call {
        int run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (var sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").apiPort(0).build().start();
             var gateway = new RouterOsGateway(GatewaySettings.defaults(),
                     new FileCertificatePins(Files.createTempDirectory("bench").resolve("pins")))) {
            var router = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
            for (int i = 0; i < ROWS; i++) {
                gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/add").with("list", "bench")
                        .with("address", "10.0." + (i / 250) + "." + (i % 250 + 1)).with("comment", "entry " + i));
            }
            var print = RouterCommand.of("/ip/firewall/address-list/print");
            // the bare library as shipped (default sockets: Nagle on, unbuffered byte-by-byte writes)...
            ApiConnection bare = ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", sim.apiPort(), 5000);
            // ...and given its fairest chance: TCP_NODELAY, so Nagle/delayed-ACK stalls do not count against it
            ApiConnection bareNoDelay = ApiConnection.connect(new NoDelaySocketFactory(), "127.0.0.1", sim.apiPort(), 5000);
            for (ApiConnection c : new ApiConnection[] {bare, bareNoDelay}) {
                c.setTimeout(10_000);
                c.login("admin", "pw");
            }
            Call viaGateway = () -> gateway.execute(router, print).rows().size();
            Call viaBare = () -> bare.execute("/ip/firewall/address-list/print").size();
            Call viaBareNoDelay = () -> bareNoDelay.execute("/ip/firewall/address-list/print").size();
            check(viaGateway.run(), "gateway");
            check(viaBare.run(), "bare library");
            check(viaBareNoDelay.run(), "bare library, TCP_NODELAY");

            int bareIterations = Math.max(20, iterations / 10); // it runs at Nagle speed: keep the bench short
            measure(viaGateway, iterations / 4); // warm-up
            measure(viaBareNoDelay, iterations / 4);
            measure(viaBare, bareIterations / 4);
            long[] g = new long[0];
            long[] n = new long[0];
            long[] b = new long[0];
            for (int r = 0; r < rounds; r++) {
                g = concat(g, measure(viaGateway, iterations));
                n = concat(n, measure(viaBareNoDelay, iterations));
                b = concat(b, measure(viaBare, bareIterations));
            }
            bare.close();
            bareNoDelay.close();
            var gs = Stats.of(g);
            var ns = Stats.of(n);
            var bs = Stats.of(b);
            System.out.printf("RouterOS simulator %s on loopback, %d-row print, %d rounds x %d calls (bare default: x %d),"
                    + " one caller thread, %d CPUs%n", sim.version(), ROWS, rounds, iterations, bareIterations,
                    Runtime.getRuntime().availableProcessors());
            System.out.println(gs.line("gateway (adapter)"));
            System.out.println(ns.line("bare, TCP_NODELAY"));
            System.out.println(bs.line("bare, default"));
            System.out.printf("ratio gateway / bare TCP_NODELAY: throughput %.2f, p50 %.2f, p99 %.2f%n",
                    gs.perSecond / ns.perSecond, (double) gs.p50 / ns.p50, (double) gs.p99 / ns.p99);
            System.out.printf("ratio gateway / bare default:     throughput %.2f, p50 %.2f, p99 %.2f%n",
                    gs.perSecond / bs.perSecond, (double) gs.p50 / bs.p50, (double) gs.p99 / bs.p99);
        }
    }

    /** Plain sockets with TCP_NODELAY, nothing else. */
    private static final class NoDelaySocketFactory extends SocketFactory {
        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            var s = new java.net.Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            throw new java.net.SocketException("unconnected sockets only");
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            throw new java.net.SocketException("unconnected sockets only");
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            throw new java.net.SocketException("unconnected sockets only");
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            throw new java.net.SocketException("unconnected sockets only");
        }
    }

    private static void check(int rows, String who) {
        if (rows != ROWS) throw new IllegalStateException(who + " returned " + rows + " rows, expected " + ROWS);
    }

    private static long[] measure(Call call, int n) throws Exception {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            check(call.run(), "call");
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    record Stats(double perSecond, long p50, long p99) {
        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            long total = Arrays.stream(nanos).sum();
            return new Stats(nanos.length / (total / 1e9), sorted[(int) (sorted.length * 0.50)],
                    sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))]);
        }

        String line(String name) {
            return String.format("%-18s %8.0f commands/s   p50 %7.3f ms   p99 %7.3f ms", name, perSecond, p50 / 1e6, p99 / 1e6);
        }
    }

}
