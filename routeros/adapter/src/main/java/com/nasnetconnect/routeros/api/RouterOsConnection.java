package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterReply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;
import me.legrange.mikrotik.ResultListener;

/**
 * One logged-in API connection: a me.legrange:mikrotik {@link ApiConnection} over a {@link TransportSocketFactory}
 * socket. Runs one command at a time; every call has a deadline enforced by a watchdog on the gateway's
 * scheduler, which fails the call and closes the socket (unblocking the library wherever it is). A connection
 * that timed out, lost its socket or heard garbage is {@link #broken()} and must be discarded.
 */
final class RouterOsConnection implements AutoCloseable {
    /** Send threads still running in this JVM, abandoned ones included (for leak tests). */
    private static final java.util.concurrent.atomic.AtomicInteger SENDING = new java.util.concurrent.atomic.AtomicInteger();

    private final RouterEndpoint endpoint;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final TransportSocketFactory factory;
    private final ReentrantLock callLock = new ReentrantLock();
    private final Map<String, ReplySentence> finals = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.concurrent.CountDownLatch closeDone = new java.util.concurrent.CountDownLatch(1);
    private final Consumer<RouterOsConnection> onClosed;
    private volatile ApiConnection api;
    private volatile RouterException failure;
    private volatile Call current;

    private RouterOsConnection(RouterEndpoint endpoint, GatewaySettings settings, CertificatePins pins,
                               ScheduledExecutorService scheduler, LongSupplier nanoTime, long deadline,
                               Consumer<RouterOsConnection> onClosed) {
        this.endpoint = endpoint;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.onClosed = onClosed;
        long connectMillis = Math.max(1, Math.min(settings.connectTimeout().toMillis(),
                TimeUnit.NANOSECONDS.toMillis(deadline - nanoTime.getAsLong())));
        this.factory = new TransportSocketFactory(endpoint.address(), endpoint.tls(), pins, (int) connectMillis,
                new Observer());
    }

    /** Connects and logs in within the deadline, or throws (and leaves nothing open). */
    static RouterOsConnection open(RouterEndpoint endpoint, GatewaySettings settings, CertificatePins pins,
                                   ScheduledExecutorService scheduler, LongSupplier nanoTime, long deadline,
                                   Consumer<RouterOsConnection> onClosed) {
        var c = new RouterOsConnection(endpoint, settings, pins, scheduler, nanoTime, deadline, onClosed);
        long remaining = deadline - nanoTime.getAsLong();
        if (remaining <= 0) throw new RouterException.Timeout("no time left to connect to " + endpoint.address(), null);
        // TCP connect and TLS handshake together get the connect timeout (or what is left of the deadline)
        long connectPhase = Math.min(remaining, settings.connectTimeout().toNanos());
        var connectTimedOut = new java.util.concurrent.atomic.AtomicBoolean();
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
            connectTimedOut.set(true);
            c.close();
        }, connectPhase, TimeUnit.NANOSECONDS);
        try {
            c.api = ApiConnection.connect(c.factory, endpoint.host(), endpoint.port(),
                    (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(connectPhase)));
        } catch (MikrotikApiException | RuntimeException e) {
            watchdog.cancel(false);
            c.close();
            if (connectTimedOut.get() || e.getCause() instanceof java.net.SocketTimeoutException) {
                RouterException pin = pinMismatch(e);
                if (pin != null) throw pin;
                if (deadline - nanoTime.getAsLong() <= 0) {
                    throw new RouterException.Timeout("connecting to " + endpoint.address() + " timed out", null);
                }
                throw new RouterException.Unreachable("cannot connect to " + endpoint.address() + ": no connection"
                        + (endpoint.tls() ? " and TLS handshake" : "") + " within "
                        + TimeUnit.NANOSECONDS.toMillis(connectPhase) + " ms", null, e);
            }
            throw connectFailure(endpoint, e, deadline - nanoTime.getAsLong() <= 0);
        }
        if (!watchdog.cancel(false) || connectTimedOut.get()) {
            c.close();
            throw new RouterException.Unreachable("cannot connect to " + endpoint.address() + ": no connection within "
                    + TimeUnit.NANOSECONDS.toMillis(connectPhase) + " ms", null, null);
        }
        try {
            c.execute(RouterCommand.of("/login").with("name", endpoint.username())
                    .with("password", endpoint.password().reveal()), deadline);
        } catch (RouterException.Trap e) {
            c.close();
            throw new RouterException.LoginFailed(endpoint.address());
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static RouterException pinMismatch(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificatePinMismatchException m) {
                return new RouterException.Unreachable(m.getMessage(), null, m);
            }
        }
        return null;
    }

    private static RouterException connectFailure(RouterEndpoint endpoint, Exception e, boolean late) {
        RouterException pin = pinMismatch(e);
        if (pin != null) return pin;
        if (late) return new RouterException.Timeout("connecting to " + endpoint.address() + " timed out", null);
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return new RouterException.Unreachable("cannot connect to " + endpoint.address() + ": " + root.getMessage(),
                null, e);
    }

    static int sendThreads() {
        return SENDING.get();
    }

    RouterEndpoint endpoint() {
        return endpoint;
    }

    /** True once the connection may not be used again: it timed out, failed, or was closed. */
    boolean broken() {
        return failure != null || closed.get();
    }

    /** Runs one command; returns its reply or throws a {@link RouterException} by the deadline. */
    RouterReply execute(RouterCommand command, long deadline) {
        CommandText text = CommandText.of(command); // bad input fails before anything is sent
        if (!callLock.tryLock()) throw new IllegalStateException("connection to " + endpoint.address() + " is busy");
        Call call = new Call(command);
        ScheduledFuture<?> watchdog = null;
        try {
            current = call;
            if (failure != null) throw failure;
            if (closed.get()) throw new RouterException.Unreachable("connection closed", call.described, null);
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) throw new RouterException.Timeout("deadline passed before sending", call.described);
            watchdog = scheduler.schedule(() -> timeOut(call), remaining, TimeUnit.NANOSECONDS);
            var requests = factory.socket().orElseThrow().requests();
            text.rewrites().forEach(requests::rewrite);
            // The library parses and writes on a thread of its own, so the caller can walk away at the deadline
            // even when the library is busy (a huge command) or blocked (a router that stopped reading).
            CompletableFuture<String> sent = new CompletableFuture<>();
            SENDING.incrementAndGet();
            Thread.ofVirtual().name("nnc-routeros-send").start(() -> {
                try {
                    sent.complete(api.execute(text.text(), call));
                } catch (MikrotikApiException | RuntimeException e) {
                    sent.complete(null);
                    call.fail(failure != null ? failure
                            : new RouterException.Unreachable("sending failed: " + e.getMessage(), call.described, e));
                } finally {
                    SENDING.decrementAndGet();
                }
            });
            List<Map<String, String>> rows = await(call, deadline);
            String tag = tagOf(sent, deadline);
            ReplySentence done = tag == null ? null : finals.remove(tag);
            ReplySentence trap = tag == null ? null : finals.remove(tag + "!trap");
            if (call.trapped) {
                throw trap(trap, call.trapMessage, call.described);
            }
            Optional<String> ret = done == null ? Optional.empty() : Optional.ofNullable(done.attributes().get("ret"));
            return new RouterReply(rows, ret);
        } finally {
            if (watchdog != null) watchdog.cancel(false);
            factory.socket().ifPresent(s -> {
                if (s.requests() != null) s.requests().clearRewrites();
                if (s.replies() != null) s.replies().forgetPlaceholders();
            });
            current = null;
            callLock.unlock();
        }
    }

    /** The tag the library gave the command: known as soon as its write returned, which precedes any reply. */
    private String tagOf(CompletableFuture<String> sent, long deadline) {
        try {
            return sent.get(Math.max(0, deadline - nanoTime.getAsLong()) + TimeUnit.MILLISECONDS.toNanos(200),
                    TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private List<Map<String, String>> await(Call call, long deadline) {
        try {
            // The watchdog completes the call at the deadline; the extra second only guards against a lost task.
            long wait = Math.max(0, deadline - nanoTime.getAsLong()) + TimeUnit.SECONDS.toNanos(1);
            return call.result.get(wait, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RouterException re) throw re;
            throw new RouterException.Protocol("unexpected failure: " + e.getCause(), call.described, e.getCause());
        } catch (TimeoutException e) {
            timeOut(call);
            throw new RouterException.Timeout("no reply within the deadline", call.described);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new RouterException.Unreachable("interrupted while waiting", call.described, e));
            throw new RouterException.Unreachable("interrupted while waiting", call.described, e);
        }
    }

    private static RouterException.Trap trap(ReplySentence trap, String fallbackMessage, String command) {
        int category = -1;
        String message = fallbackMessage;
        if (trap != null) {
            String c = trap.attributes().get("category");
            if (c != null) category = Integer.parseInt(c);
            message = trap.attributes().getOrDefault("message", fallbackMessage);
        }
        return new RouterException.Trap(category, message == null ? "(no message)" : message, command);
    }

    private void timeOut(Call call) {
        if (call.result.isDone()) return;
        // broken first, then wake the caller: the pool must never take this connection back
        var timeout = new RouterException.Timeout("no reply within the deadline", call.described);
        fail(timeout);
        call.fail(timeout);
    }

    /** Marks the connection broken, fails the running call, and closes the socket off the caller's thread. */
    private void fail(RouterException e) {
        if (failure == null) failure = e;
        Call c = current;
        if (c != null) c.fail(e);
        try {
            scheduler.execute(this::close);
        } catch (java.util.concurrent.RejectedExecutionException gatewayClosed) {
            close();
        }
    }

    /**
     * Starts a stream command; rows and the one failure go to the consumers on the library's thread. The
     * returned tag identifies it for {@code /cancel}. Used only on a connection dedicated to the stream.
     */
    String startStream(RouterCommand command, ResultListener listener, long deadline) {
        CommandText text = CommandText.of(command);
        callLock.lock();
        try {
            if (failure != null) throw failure;
            var requests = factory.socket().orElseThrow().requests();
            text.rewrites().forEach(requests::rewrite);
            try {
                return api.execute(text.text(), listener);
            } catch (MikrotikApiException e) {
                throw failure != null ? failure
                        : new RouterException.Unreachable("sending failed: " + e.getMessage(), Describe.command(command), e);
            } finally {
                requests.clearRewrites();
            }
        } finally {
            callLock.unlock();
        }
    }

    /** The trap the router sent for a tag (category and message as sent), if any. */
    Optional<ReplySentence> trapFor(String tag) {
        return Optional.ofNullable(finals.remove(tag + "!trap"));
    }

    String restore(String value) {
        return factory.socket().map(s -> s.replies().restore(value)).orElse(value);
    }

    /** Listener for the failure of the whole connection (used by streams). */
    private volatile Consumer<RouterException> failureListener;

    void onFailure(Consumer<RouterException> listener) {
        this.failureListener = listener;
        if (failure != null) listener.accept(failure);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            try {
                closeDone.await(2, TimeUnit.SECONDS); // someone else is closing: return when it is done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            ApiConnection a = api;
            if (a != null) {
                try {
                    a.close();
                } catch (MikrotikApiException | RuntimeException ignored) {
                    // closing anyway: the socket below is closed next
                }
            }
        } finally {
            factory.socket().ifPresent(s -> {
                try {
                    s.close();
                } catch (java.io.IOException ignored) {
                    // nothing more to release
                }
            });
            Call c = current;
            if (c != null) c.fail(new RouterException.Unreachable("connection closed", c.described, null));
            onClosed.accept(this);
            closeDone.countDown();
        }
    }

    /** Receives the library's callbacks for one command. */
    private final class Call implements ResultListener {
        final RouterCommand command;
        final String described;
        final CompletableFuture<List<Map<String, String>>> result = new CompletableFuture<>();
        final List<Map<String, String>> rows = new ArrayList<>();
        volatile boolean trapped;
        volatile String trapMessage;

        Call(RouterCommand command) {
            this.command = command;
            this.described = Describe.command(command);
        }

        @Override
        public void receive(Map<String, String> row) {
            var copy = new HashMap<String, String>();
            row.forEach((k, v) -> copy.put(k, restore(v)));
            synchronized (rows) {
                rows.add(copy);
            }
        }

        @Override
        public void error(MikrotikApiException ex) {
            trapped = true;
            trapMessage = ex.getMessage();
            // a refused login is final at once: some routers close the connection instead of sending !done
            if (command.path().equals("/login")) result.complete(List.of());
        }

        @Override
        public void completed() {
            synchronized (rows) {
                result.complete(List.copyOf(rows));
            }
        }

        void fail(RouterException e) {
            result.completeExceptionally(e);
        }
    }

    private final class Observer implements ReplyFilterInputStream.Observer {
        @Override
        public void sentence(ReplySentence s) {
            if (s.tag().isEmpty()) return;
            switch (s.type()) {
                case "!done" -> finals.put(s.tag().get(), s);
                case "!trap" -> finals.put(s.tag().get() + "!trap", s);
                default -> {
                }
            }
        }

        @Override
        public void failed(String reason, boolean protocol, Throwable cause) {
            Call c = current;
            String cmd = c == null ? null : c.described;
            RouterException e = protocol
                    ? new RouterException.Protocol(reason + " (from " + endpoint.address() + ")", cmd, cause)
                    : new RouterException.Unreachable(reason + " (" + endpoint.address() + ")", cmd, cause);
            fail(e);
            Consumer<RouterException> l = failureListener;
            if (l != null) l.accept(e);
        }
    }
}
