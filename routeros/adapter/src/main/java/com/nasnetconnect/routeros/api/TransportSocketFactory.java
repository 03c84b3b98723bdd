package com.nasnetconnect.routeros.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Opens the socket of one API connection: plain TCP to the API port, or API-SSL with trust-on-first-use
 * pinning against {@link CertificatePins}. It hands out {@link TransportSocket}s unconnected, so a connection
 * holds its socket before connecting and can close it from its watchdog while the connect or the TLS handshake
 * is still under way.
 */
final class TransportSocketFactory {
    /** Read buffer per connection: a 100-row print is a few such reads; a big word bypasses it. */
    private static final int READ_BUFFER = 8 * 1024;

    private final String address;
    private final boolean tls;
    private final CertificatePins pins;
    private final int connectTimeoutMillis;

    TransportSocketFactory(String address, boolean tls, CertificatePins pins, int connectTimeoutMillis) {
        this.address = address;
        this.tls = tls;
        this.pins = pins;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** A new, unconnected socket to the factory's address. */
    TransportSocket createSocket() {
        return new TransportSocket();
    }

    /**
     * A TCP socket (and the TLS layer over it) with its two streams. {@link #close()} may be called from any
     * thread at any time: it closes the TCP socket first, which unblocks a reader, a writer, a connect and a
     * handshake at once, TLS or not.
     */
    final class TransportSocket implements AutoCloseable {
        private final Socket raw = new Socket();
        private volatile Socket channel;
        private volatile InputStream in;
        private volatile OutputStream out;
        private volatile boolean closed;

        private TransportSocket() {
        }

        /** Connects (and for API-SSL, handshakes) within the factory's connect timeout. */
        void connect(SocketAddress endpoint) throws IOException {
            try {
                if (closed) throw new SocketException("Socket closed");
                raw.setTcpNoDelay(true);
                raw.setKeepAlive(true);
                raw.connect(endpoint, connectTimeoutMillis);
                if (selfConnected(raw)) {
                    // Nothing listened on the router's port and the kernel gave this socket that same port: TCP
                    // "simultaneous open" connected it to itself. It is a refused connection, not a router.
                    throw new java.net.ConnectException("connection refused (" + endpoint + ": socket connected to itself)");
                }
                Socket s = raw;
                if (tls) s = handshake();
                in = new java.io.BufferedInputStream(s.getInputStream(), READ_BUFFER);
                out = s.getOutputStream();
                channel = s;
                if (closed) throw new SocketException("Socket closed");
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        static boolean selfConnected(Socket s) {
            return s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress());
        }

        private Socket handshake() throws IOException {
            var trust = new PinningTrustManager();
            SSLContext context;
            try {
                context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trust}, null);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("TLS is not available: " + e.getMessage(), e);
            }
            var host = address.substring(0, address.lastIndexOf(':'));
            var port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
            raw.setSoTimeout(connectTimeoutMillis);
            try {
                ssl.startHandshake();
            } catch (IOException e) {
                if (trust.mismatch != null) throw trust.mismatch;
                throw e;
            }
            raw.setSoTimeout(0);
            if (trust.fingerprint != null && pins.pinned(address).isEmpty()) pins.pin(address, trust.fingerprint);
            return ssl;
        }

        /** The reply bytes (buffered). */
        InputStream input() throws IOException {
            if (in == null) throw new SocketException("not connected");
            return in;
        }

        /** The request bytes (unbuffered: write a whole sentence at a time). */
        OutputStream output() throws IOException {
            if (out == null) throw new SocketException("not connected");
            return out;
        }

        /** Closes the TCP socket first: that unblocks any reader or writer at once, TLS or not. Idempotent. */
        @Override
        public void close() {
            synchronized (this) {
                if (closed) return;
                closed = true;
            }
            try {
                raw.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            Socket c = channel;
            if (c != null && c != raw) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already closed underneath
                }
            }
        }

        @Override
        public String toString() {
            return "TransportSocket[" + address + (tls ? ", tls" : "") + (closed ? ", closed" : "") + "]";
        }
    }

    /** Accepts any chain during the handshake only if its leaf matches the pin (or nothing is pinned yet). */
    private final class PinningTrustManager extends X509ExtendedTrustManager {
        volatile String fingerprint;
        volatile CertificatePinMismatchException mismatch;

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) throw new CertificateException("router presented no certificate");
            String presented = sha256(chain[0]);
            Optional<String> pinned = pins.pinned(address);
            if (pinned.isPresent() && !pinned.get().equals(presented)) {
                mismatch = new CertificatePinMismatchException(address, pinned.get(), presented);
                throw new CertificateException(mismatch.getMessage());
            }
            fingerprint = presented;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("the adapter is a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("the adapter is a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the adapter is a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static String sha256(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
