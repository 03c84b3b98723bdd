package com.nasnetconnect.routeros.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import me.legrange.mikrotik.ApiConnection;

/**
 * Benchmark (not a test): throughput and latency of a 100-row print served by the simulator on loopback, through
 * a raw protocol client and through the bare me.legrange library.
 *
 * <pre>
 * mvn -B -q -o -pl routeros/simulator -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp routeros/simulator/target/classes:routeros/simulator/target/test-classes:routeros/protocol/target/classes:$(cat routeros/simulator/target/cp.txt) \
 *     com.nasnetconnect.routeros.sim.SimulatorBench [iterations]
 * </pre>
 */
public final class SimulatorBench {

    private SimulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").build()
                .start()) {
            try (RawApiClient c = new RawApiClient(sim.apiPort())) {
                c.login("admin", "pw");
                for (int i = 0; i < 100; i++) {
                    c.call("/ip/firewall/address-list/add", "=list=bench", "=address=10.0." + (i / 250) + "." + (i % 250 + 1),
                            "=comment=row " + i);
                }
                report("raw client", iterations, () -> {
                    List<List<String>> r = c.call("/ip/firewall/address-list/print");
                    if (r.size() != 101) {
                        throw new IllegalStateException("expected 100 rows, got " + (r.size() - 1));
                    }
                });
            }
            for (int mode = 0; mode < 3; mode++) {
                boolean noDelay = mode > 0;
                SocketFactory factory = switch (mode) {
                    case 0 -> SocketFactory.getDefault();
                    case 1 -> new NoDelaySocketFactory(false);
                    default -> new NoDelaySocketFactory(true);
                };
                ApiConnection con = ApiConnection.connect(factory, "127.0.0.1", sim.apiPort(), 2000);
                try (con) {
                    con.login("admin", "pw");
                    String name = switch (mode) {
                        case 0 -> "me.legrange 3.0.7";
                        case 1 -> "library+NODELAY";
                        default -> "library+NODELAY+buffered";
                    };
                    report(name, Math.min(iterations, noDelay ? iterations : 200), () -> {
                        List<Map<String, String>> r = con.execute("/ip/firewall/address-list/print");
                        if (r.size() != 100) {
                            throw new IllegalStateException("expected 100 rows, got " + r.size());
                        }
                    });
                }
            }
        }
    }

    /**
     * The library writes each word with its own write(); with Nagle's algorithm on, the second write waits for
     * the peer's delayed ACK (~40 ms on Linux). Setting TCP_NODELAY on the client socket removes that stall.
     */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory delegate = SocketFactory.getDefault();
        private final boolean buffered;

        NoDelaySocketFactory(boolean buffered) {
            this.buffered = buffered;
        }

        private static java.net.Socket noDelay(java.net.Socket s) throws java.io.IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        /** A socket whose input is buffered: the library reads one byte per call. */
        private static final class BufferedSocket extends java.net.Socket {
            private java.io.InputStream in;

            @Override
            public synchronized java.io.InputStream getInputStream() throws java.io.IOException {
                if (in == null) {
                    in = new java.io.BufferedInputStream(super.getInputStream(), 64 * 1024);
                }
                return in;
            }
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(buffered ? new BufferedSocket() : delegate.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return noDelay(delegate.createSocket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                                            int localPort) throws java.io.IOException {
            return noDelay(delegate.createSocket(address, port, local, localPort));
        }
    }

    interface Call {
        void run() throws Exception;
    }

    private static void report(String name, int iterations, Call call) throws Exception {
        for (int i = 0; i < Math.min(500, iterations); i++) {
            call.run();
        }
        long[] nanos = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%-26s 100-row print: %8.0f commands/s  p50 %6.3f ms  p99 %6.3f ms  (%d iterations)%n",
                name, iterations / seconds, nanos[iterations / 2] / 1e6, nanos[(int) (iterations * 0.99)] / 1e6,
                iterations);
    }
}
