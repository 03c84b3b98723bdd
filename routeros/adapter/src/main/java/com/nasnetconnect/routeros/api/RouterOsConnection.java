package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One logged-in API connection: a {@link TransportSocketFactory} socket and the {@link ApiChannel} over it.
 * Runs one batch of pipelined commands at a time ({@link #pipeline}; a single command is a batch of one), each
 * command with a tag of its own, and counts each batch as one round trip. Every call has a deadline enforced by
 * a watchdog on the gateway's scheduler, which fails the call and closes the socket (which ends a blocked write
 * and the reader). A connection that timed out, lost its socket or heard garbage or {@code !fatal} is
 * {@link #broken()} and must be discarded.
 */
final class RouterOsConnection implements AutoCloseable {
    private final RouterEndpoint endpoint;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final TransportSocketFactory.TransportSocket socket;
    private final ReentrantLock callLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final Consumer<RouterOsConnection> onClosed;
    /** Counts this connection's round trips into its pool's total. */
    private final Runnable roundTrips;
    /** The calls of the batch in flight (none between batches). */
    private final Set<Call> inflight = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RouterException> failure = new AtomicReference<>();
    private volatile ApiChannel channel;
    /** Listener for the failure of the whole connection (used by streams). */
    private volatile Consumer<RouterException> failureListener;

    private RouterOsConnection(RouterEndpoint endpoint, GatewaySettings settings, CertificatePins pins,
                               ScheduledExecutorService scheduler, LongSupplier nanoTime, long deadline,
                               Consumer<RouterOsConnection> onClosed, Runnable roundTrips) {
        this.endpoint = endpoint;
        this.roundTrips = roundTrips;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.onClosed = onClosed;
        long connectMillis = Math.max(1, Math.min(settings.connectTimeout().toMillis(),
                TimeUnit.NANOSECONDS.toMillis(deadline - nanoTime.getAsLong())));
        this.socket = new TransportSocketFactory(endpoint.address(), endpoint.tls(), pins, (int) connectMillis)
                .createSocket();
    }

    /** Connects and logs in within the deadline, or throws (and leaves nothing open). */
    static RouterOsConnection open(RouterEndpoint endpoint, GatewaySettings settings, CertificatePins pins,
                                   ScheduledExecutorService scheduler, LongSupplier nanoTime, long deadline,
                                   Consumer<RouterOsConnection> onClosed, Runnable roundTrips) {
        var c = new RouterOsConnection(endpoint, settings, pins, scheduler, nanoTime, deadline, onClosed, roundTrips);
        long remaining = deadline - nanoTime.getAsLong();
        if (remaining <= 0) throw new RouterException.Timeout("no time left to connect to " + endpoint.address(), null);
        // TCP connect and TLS handshake together get the connect timeout (or what is left of the deadline)
        long connectPhase = Math.min(remaining, settings.connectTimeout().toNanos());
        var connectTimedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
            connectTimedOut.set(true);
            c.close();
        }, connectPhase, TimeUnit.NANOSECONDS);
        try {
            c.socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()));
        } catch (IOException | RuntimeException e) {
            watchdog.cancel(false);
            c.close();
            if (connectTimedOut.get() || e instanceof SocketTimeoutException) {
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
            c.channel = ApiChannel.open(c.socket, endpoint.address(), c::readerFailed);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw new RouterException.Unreachable("cannot connect to " + endpoint.address() + ": " + e.getMessage(), null, e);
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
        String why = root instanceof UnknownHostException ? "unknown host " + endpoint.host() : root.getMessage();
        return new RouterException.Unreachable("cannot connect to " + endpoint.address() + ": " + why, null, e);
    }

    RouterEndpoint endpoint() {
        return endpoint;
    }

    /** True once the connection may not be used again: it timed out, failed, or was closed. */
    boolean broken() {
        return failure.get() != null || closed.get();
    }

    /** Runs one command; returns its reply or throws a {@link RouterException} by the deadline. One round trip. */
    RouterReply execute(RouterCommand command, long deadline) {
        return pipeline(List.of(command), deadline).getFirst().get();
    }

    /**
     * Runs several commands as one round trip: writes them back to back, each with its own {@code .tag}, then
     * waits for all replies until the deadline. The router runs them in order; a trap fails only its own
     * command. A lost connection or the deadline fails every command not yet answered and breaks the
     * connection. Bad input fails before anything is sent.
     */
    List<RouterSession.Pending<RouterReply>> pipeline(List<RouterCommand> commands, long deadline) {
        if (commands.isEmpty()) throw new IllegalArgumentException("nothing to send");
        commands.forEach(CommandSentence::check);
        if (!callLock.tryLock()) throw new IllegalStateException("connection to " + endpoint.address() + " is busy");
        ApiChannel ch = channel;
        List<Call> calls = List.of();
        ScheduledFuture<?> watchdog = null;
        try {
            calls = commands.stream().map(command -> new Call(command, ch.nextTag())).toList();
            // in flight first, then check: a failure either sees these calls or is seen here
            inflight.addAll(calls);
            for (Call call : calls) ch.listen(call.tag, call);
            RouterException failed = failure.get();
            if (failed != null) throw failed;
            if (closed.get()) throw new RouterException.Unreachable("connection closed", calls.getFirst().described, null);
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) throw new RouterException.Timeout("deadline passed before sending", calls.getFirst().described);
            List<byte[]> sentences = calls.stream().map(call -> CommandSentence.encode(call.command, call.tag)).toList();
            List<Call> batch = calls;
            watchdog = scheduler.schedule(() -> timeOut(batch), remaining, TimeUnit.NANOSECONDS);
            roundTrips.run();
            ch.send(sentences).whenComplete((ok, e) -> {
                if (e != null) sendFailed(e);
            });
            var outcomes = new ArrayList<RouterSession.Pending<RouterReply>>(calls.size());
            for (Call call : calls) {
                var outcome = new RouterSession.Pending<RouterReply>();
                try {
                    outcome.succeed(await(call, deadline));
                } catch (RouterException e) {
                    outcome.fail(e);
                }
                outcomes.add(outcome);
            }
            return outcomes;
        } finally {
            if (watchdog != null) watchdog.cancel(false);
            for (Call call : calls) ch.forget(call.tag);
            inflight.removeAll(calls);
            callLock.unlock();
        }
    }

    private RouterReply await(Call call, long deadline) {
        try {
            // The watchdog completes the call at the deadline; the extra second only guards against a lost task.
            long wait = Math.max(0, deadline - nanoTime.getAsLong()) + TimeUnit.SECONDS.toNanos(1);
            return call.result.get(wait, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RouterException re) throw re;
            throw new RouterException.Protocol("unexpected failure: " + e.getCause(), call.described, e.getCause());
        } catch (TimeoutException e) {
            timeOut(List.of(call));
            throw new RouterException.Timeout("no reply within the deadline", call.described);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            var interrupted = new RouterException.Unreachable("interrupted while waiting", call.described, e);
            fail(interrupted, command -> new RouterException.Unreachable("interrupted while waiting", command, e));
            throw interrupted;
        }
    }

    /** A {@code !trap} as the typed error: RouterOS's category (-1 when absent) and message. */
    static RouterException.Trap trap(ReplySentence trap, String command) {
        String category = trap.attributes().get("category");
        String message = trap.attributes().get("message");
        return new RouterException.Trap(category == null ? -1 : Integer.parseInt(category),
                message == null ? "(no message)" : message, command);
    }

    private void timeOut(List<Call> calls) {
        var open = calls.stream().filter(c -> !c.result.isDone()).toList();
        if (open.isEmpty()) return;
        // broken first, then wake the callers: the pool must never take this connection back
        fail(new RouterException.Timeout("no reply within the deadline", open.getFirst().described),
                command -> new RouterException.Timeout("no reply within the deadline", command));
    }

    private void sendFailed(Throwable e) {
        String reason = "sending failed: " + e.getMessage() + " (" + endpoint.address() + ")";
        fail(new RouterException.Unreachable(reason, null, e), command -> new RouterException.Unreachable(reason, command, e));
    }

    /** The reader's report: {@code !fatal}, garbage, end of stream or a read error. On the reader thread. */
    private void readerFailed(String reason, boolean protocol, Throwable cause) {
        Function<String, RouterException> error = command -> protocol
                ? new RouterException.Protocol(reason + " (from " + endpoint.address() + ")", command, cause)
                : new RouterException.Unreachable(reason + " (" + endpoint.address() + ")", command, cause);
        RouterException e = error.apply(inflight.stream().findFirst().map(c -> c.described).orElse(null));
        fail(e, error);
        Consumer<RouterException> l = failureListener;
        if (l != null) l.accept(e);
    }

    /**
     * Marks the connection broken (the first failure stays), fails every call in flight with {@code perCall}
     * of its command, and closes the socket off the caller's thread.
     */
    private void fail(RouterException e, Function<String, RouterException> perCall) {
        failure.compareAndSet(null, e);
        for (Call c : inflight) c.fail(perCall.apply(c.described));
        try {
            scheduler.execute(this::close);
        } catch (RejectedExecutionException gatewayClosed) {
            close();
        }
    }

    /**
     * Starts a stream command on a connection dedicated to it: its replies go to {@code listener} on the reader
     * thread from now on. Returns the stream's tag, for {@code /cancel}. Waits for the write until the deadline.
     */
    String startStream(RouterCommand command, ApiChannel.Listener listener, long deadline) {
        CommandSentence.check(command);
        String described = Describe.command(command);
        callLock.lock();
        try {
            RouterException failed = failure.get();
            if (failed != null) throw failed;
            if (closed.get()) throw new RouterException.Unreachable("connection closed", described, null);
            ApiChannel ch = channel;
            String tag = ch.nextTag();
            ch.listen(tag, listener);
            CompletableFuture<Void> sent = ch.send(List.of(CommandSentence.encode(command, tag)));
            try {
                sent.get(Math.max(0, deadline - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                var timeout = new RouterException.Timeout("could not send within the deadline", described);
                fail(timeout, d -> timeout);
                throw timeout;
            } catch (ExecutionException e) {
                sendFailed(e.getCause());
                RouterException f = failure.get();
                throw f != null ? f : new RouterException.Unreachable("sending failed", described, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                var interrupted = new RouterException.Unreachable("interrupted while sending", described, e);
                fail(interrupted, d -> interrupted);
                throw interrupted;
            }
            return tag;
        } finally {
            callLock.unlock();
        }
    }

    /** {@code listener} hears of the failure of the whole connection (at once if it already failed). */
    void onFailure(Consumer<RouterException> listener) {
        this.failureListener = listener;
        RouterException f = failure.get();
        if (f != null) listener.accept(f);
    }

    /** True on this connection's reader thread, where reply listeners run. */
    boolean onReaderThread() {
        ApiChannel ch = channel;
        return ch != null && ch.isReaderThread();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            if (onReaderThread()) return; // the closer does not wait for the reader
            try {
                closeDone.await(2, TimeUnit.SECONDS); // someone else is closing: return when it is done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            ApiChannel ch = channel;
            if (ch != null) ch.close();
            socket.close();
        } finally {
            for (Call c : inflight) c.fail(new RouterException.Unreachable("connection closed", c.described, null));
            onClosed.accept(this);
            closeDone.countDown();
        }
    }

    /** One command of a batch: collects its rows and learns its outcome on the reader thread. */
    private static final class Call implements ApiChannel.Listener {
        final RouterCommand command;
        final String described;
        final String tag;
        final CompletableFuture<RouterReply> result = new CompletableFuture<>();
        /** Touched by the reader thread only; published by completing {@link #result}. */
        private final List<Map<String, String>> rows = new ArrayList<>();
        private ReplySentence trap;

        Call(RouterCommand command, String tag) {
            this.command = command;
            this.described = Describe.command(command);
            this.tag = tag;
        }

        @Override
        public void reply(ReplySentence s) {
            switch (s.type()) {
                case "!re" -> rows.add(s.attributes());
                case "!trap" -> {
                    if (trap == null) trap = s;
                    // a refused login is final at once: some routers close the connection instead of sending !done
                    if (command.path().equals("/login")) result.completeExceptionally(trap(s, described));
                }
                case "!done" -> {
                    if (trap != null) {
                        result.completeExceptionally(trap(trap, described));
                    } else {
                        result.complete(new RouterReply(rows, Optional.ofNullable(s.attributes().get("ret"))));
                    }
                }
                default -> {
                    // !empty (RouterOS 7.18+): no rows, the !done follows
                }
            }
        }

        void fail(RouterException e) {
            result.completeExceptionally(e);
        }
    }
}
