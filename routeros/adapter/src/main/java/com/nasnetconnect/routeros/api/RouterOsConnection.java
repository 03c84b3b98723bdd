package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
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
 * socket. Runs one batch of pipelined commands at a time ({@link #pipeline}; a single command is a batch of
 * one), and counts each batch as one round trip; every call has a deadline enforced by a watchdog on the gateway's
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
    /** The calls of the batch in flight (none between batches). */
    private final java.util.Set<Call> inflight = ConcurrentHashMap.newKeySet();
    /** Counts this connection's round trips into its pool's total. */
    private final Runnable roundTrips;

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
        this.factory = new TransportSocketFactory(endpoint.address(), endpoint.tls(), pins, (int) connectMillis,
                new Observer());
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

    /** Runs one command; returns its reply or throws a {@link RouterException} by the deadline. One round trip. */
    RouterReply execute(RouterCommand command, long deadline) {
        return pipeline(List.of(command), deadline).getFirst().get();
    }

    /**
     * Runs several commands as one round trip: writes them back to back, each with its own {@code .tag} (the
     * library tags every command and routes replies by tag), then waits for all replies until the deadline.
     * The router runs them in order; a trap fails only its own command. A lost connection or the deadline fails
     * every command not yet answered and breaks the connection. Bad input fails before anything is sent.
     */
    List<RouterSession.Pending<RouterReply>> pipeline(List<RouterCommand> commands, long deadline) {
        if (commands.isEmpty()) throw new IllegalArgumentException("nothing to send");
        List<CommandText> texts = commands.stream().map(CommandText::of).toList();
        if (!callLock.tryLock()) throw new IllegalStateException("connection to " + endpoint.address() + " is busy");
        List<Call> calls = commands.stream().map(Call::new).toList();
        ScheduledFuture<?> watchdog = null;
        try {
            inflight.addAll(calls);
            if (failure != null) throw failure;
            if (closed.get()) throw new RouterException.Unreachable("connection closed", calls.getFirst().described, null);
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) throw new RouterException.Timeout("deadline passed before sending", calls.getFirst().described);
            watchdog = scheduler.schedule(() -> timeOut(calls), remaining, TimeUnit.NANOSECONDS);
            roundTrips.run();
            var requests = factory.socket().orElseThrow().requests();
            // The library parses and writes on a thread of its own, so the caller can walk away at the deadline
            // even when the library is busy (a huge command) or blocked (a router that stopped reading). Each
            // command's placeholder rewrites are registered just before the library writes it (its write is
            // synchronous), so equal placeholders of different commands never meet.
            CompletableFuture<Void> sent = new CompletableFuture<>();
            SENDING.incrementAndGet();
            Thread.ofVirtual().name("nnc-routeros-send").start(() -> {
                try {
                    for (int i = 0; i < calls.size(); i++) {
                        Call call = calls.get(i);
                        try {
                            texts.get(i).rewrites().forEach(requests::rewrite);
                            call.tag = api.execute(texts.get(i).text(), call);
                        } catch (MikrotikApiException | RuntimeException e) {
                            for (Call unsent : calls.subList(i, calls.size())) {
                                unsent.fail(failure != null ? failure
                                        : new RouterException.Unreachable("sending failed: " + e.getMessage(), unsent.described, e));
                            }
                            break;
                        } finally {
                            requests.clearRewrites();
                        }
                    }
                } finally {
                    sent.complete(null);
                    SENDING.decrementAndGet();
                }
            });
            var outcomes = new ArrayList<RouterSession.Pending<RouterReply>>();
            for (Call call : calls) {
                var outcome = new RouterSession.Pending<RouterReply>();
                try {
                    outcome.succeed(new RouterReply(await(call, deadline), Optional.empty()));
                } catch (RouterException e) {
                    outcome.fail(e);
                }
                outcomes.add(outcome);
            }
            // after a lost connection the writes end with the socket: do not wait for them long
            boolean lost = outcomes.stream().anyMatch(o -> o.failure().isPresent());
            awaitSent(sent, lost ? nanoTime.getAsLong() : deadline);
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                String tag = call.tag;
                ReplySentence done = tag == null ? null : finals.remove(tag);
                ReplySentence trap = tag == null ? null : finals.remove(tag + "!trap");
                if (outcomes.get(i).failure().isPresent()) continue;
                var replaced = new RouterSession.Pending<RouterReply>();
                if (call.trapped) {
                    replaced.fail(trap(trap, call.trapMessage, call.described));
                } else {
                    Optional<String> ret = done == null ? Optional.empty() : Optional.ofNullable(done.attributes().get("ret"));
                    replaced.succeed(new RouterReply(outcomes.get(i).get().rows(), ret));
                }
                outcomes.set(i, replaced);
            }
            return outcomes;
        } finally {
            if (watchdog != null) watchdog.cancel(false);
            factory.socket().ifPresent(s -> {
                if (s.requests() != null) s.requests().clearRewrites();
                if (s.replies() != null) s.replies().forgetPlaceholders();
            });
            inflight.removeAll(calls);
            callLock.unlock();
        }
    }

    /** Every tag is known once the writes returned, which precede any reply. */
    private void awaitSent(CompletableFuture<Void> sent, long deadline) {
        try {
            sent.get(Math.max(0, deadline - nanoTime.getAsLong()) + TimeUnit.MILLISECONDS.toNanos(200),
                    TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // tags not known: traps then carry the library's message only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        timeOut(List.of(call));
    }

    private void timeOut(List<Call> calls) {
        var open = calls.stream().filter(c -> !c.result.isDone()).toList();
        if (open.isEmpty()) return;
        // broken first, then wake the caller: the pool must never take this connection back
        var timeout = new RouterException.Timeout("no reply within the deadline", open.getFirst().described);
        fail(timeout);
        for (Call c : open) c.fail(new RouterException.Timeout("no reply within the deadline", c.described));
    }

    /** Marks the connection broken, fails the running call, and closes the socket off the caller's thread. */
    private void fail(RouterException e) {
        if (failure == null) failure = e;
        for (Call c : inflight) c.fail(e);
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
            for (Call c : inflight) c.fail(new RouterException.Unreachable("connection closed", c.described, null));
            onClosed.accept(this);
            closeDone.countDown();
        }
    }

    /** Receives the library's callbacks for one command. */
    private final class Call implements ResultListener {
        final RouterCommand command;
        final String described;
        final CompletableFuture<List<Map<String, String>>> result = new CompletableFuture<>();
        /** The library's tag for this command, set once it was written. */
        volatile String tag;
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
            String cmd = inflight.stream().findFirst().map(c -> c.described).orElse(null);
            RouterException e = protocol
                    ? new RouterException.Protocol(reason + " (from " + endpoint.address() + ")", cmd, cause)
                    : new RouterException.Unreachable(reason + " (" + endpoint.address() + ")", cmd, cause);
            fail(e);
            Consumer<RouterException> l = failureListener;
            if (l != null) l.accept(e);
        }
    }
}
