package com.nasnetconnect.routeros.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
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
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The hook by which the adapter sits below me.legrange:mikrotik: the library asks this factory for one
 * unconnected socket, and gets a {@link TransportSocket} whose streams are {@link ReplyFilterInputStream} and
 * {@link RequestOutputStream}. One factory makes one socket (one connection). For API-SSL the socket does the
 * TLS handshake itself with trust-on-first-use pinning against {@link CertificatePins}.
 */
final class TransportSocketFactory extends SocketFactory {
    private final String address;
    private final boolean tls;
    private final CertificatePins pins;
    private final int connectTimeoutMillis;
    private final ReplyFilterInputStream.Observer observer;
    private final AtomicReference<TransportSocket> socket = new AtomicReference<>();

    TransportSocketFactory(String address, boolean tls, CertificatePins pins, int connectTimeoutMillis,
                           ReplyFilterInputStream.Observer observer) {
        this.address = address;
        this.tls = tls;
        this.pins = pins;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.observer = observer;
    }

    /** The socket this factory made, once the library asked for it. */
    Optional<TransportSocket> socket() {
        return Optional.ofNullable(socket.get());
    }

    @Override
    public Socket createSocket() throws IOException {
        TransportSocket s = new TransportSocket();
        if (!socket.compareAndSet(null, s)) throw new SocketException("one transport factory makes one socket");
        return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new SocketException("the adapter only hands out unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new SocketException("the adapter only hands out unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new SocketException("the adapter only hands out unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new SocketException("the adapter only hands out unconnected sockets");
    }

    /** A socket that delegates to a plain TCP socket (and an SSL layer over it) and filters its streams. */
    final class TransportSocket extends Socket {
        private final Socket raw = new Socket();
        private volatile Socket channel;
        private volatile ReplyFilterInputStream in;
        private volatile RequestOutputStream out;
        private volatile boolean closed;

        private TransportSocket() throws SocketException {
            super((java.net.SocketImpl) null);
        }

        ReplyFilterInputStream replies() {
            return in;
        }

        RequestOutputStream requests() {
            return out;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, connectTimeoutMillis);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            try {
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
                in = new ReplyFilterInputStream(new java.io.BufferedInputStream(s.getInputStream(), 16 * 1024), observer);
                out = new RequestOutputStream(s.getOutputStream());
                channel = s;
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

        @Override
        public InputStream getInputStream() throws IOException {
            if (in == null) throw new SocketException("not connected");
            return in;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            if (out == null) throw new SocketException("not connected");
            return out;
        }

        @Override
        public boolean isConnected() {
            return channel != null;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        /** Closes the TCP socket first: that unblocks any reader or writer at once, TLS or not. */
        @Override
        public synchronized void close() throws IOException {
            if (closed) return;
            closed = true;
            try {
                raw.close();
            } finally {
                try {
                    if (in != null) in.close();
                } catch (IOException ignored) {
                    // the socket is gone either way
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
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            raw.setSoTimeout(timeout);
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
