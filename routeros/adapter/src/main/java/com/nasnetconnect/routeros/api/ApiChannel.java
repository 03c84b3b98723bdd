package com.nasnetconnect.routeros.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wire of one API connection, over a connected {@link TransportSocketFactory.TransportSocket}: request
 * sentences go out, reply sentences come in and go to whoever listens for their {@code .tag}.
 *
 * <ul>
 *   <li><b>Reading</b>: one virtual thread per channel, for as long as the socket is open, reads reply sentences
 *       ({@link ReplyReader}) and hands each to the {@link Listener} registered for its tag, on that thread.
 *       Replies nobody listens for (a late answer, an untagged sentence) are dropped.</li>
 *   <li><b>Failing</b>: the first {@code !fatal}, garbage, end of stream or read error is reported once to the
 *       {@link FailureHandler}, and the reader ends; nothing is reported once the channel was {@link #close()}d
 *       (the read error is then our own doing).</li>
 *   <li><b>Writing</b>: {@link #send} writes each sentence in one write, on a short-lived virtual thread, so a
 *       caller can walk away at its deadline even from a router that stopped reading; closing the channel ends
 *       a blocked write. Sends of one channel never interleave.</li>
 * </ul>
 * No platform thread is started: a parked virtual thread costs a few hundred bytes of heap, where a platform
 * thread costs ~110 KB resident.
 */
final class ApiChannel implements AutoCloseable {
    /** Reader threads alive in this JVM, those of closed channels included (for leak tests). */
    private static final AtomicInteger READERS = new AtomicInteger();
    /** Send threads alive in this JVM, abandoned ones included (for leak tests). */
    private static final AtomicInteger SENDERS = new AtomicInteger();

    /** Receives the reply sentences of one tag, on the channel's reader thread. */
    interface Listener {
        void reply(ReplySentence sentence);
    }

    /** Told, once and on the reader thread, why the channel cannot be used any more. */
    interface FailureHandler {
        /** {@code protocol} is true for {@code !fatal} and garbage, false for a lost connection. */
        void failed(String reason, boolean protocol, Throwable cause);
    }

    private final TransportSocketFactory.TransportSocket socket;
    private final String address;
    private final InputStream in;
    private final OutputStream out;
    private final FailureHandler onFailure;
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong tags = new AtomicLong();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile Thread reader;

    private ApiChannel(TransportSocketFactory.TransportSocket socket, String address, FailureHandler onFailure)
            throws IOException {
        this.socket = socket;
        this.address = address;
        this.in = socket.input();
        this.out = socket.output();
        this.onFailure = onFailure;
    }

    /** A channel over a connected socket, its reader already running. */
    static ApiChannel open(TransportSocketFactory.TransportSocket socket, String address, FailureHandler onFailure)
            throws IOException {
        var channel = new ApiChannel(socket, address, onFailure);
        channel.reader = start("nnc-routeros-reader " + address, READERS, channel::read);
        return channel;
    }

    /** Reader threads alive right now, in every channel (for leak tests): one per open channel. */
    static int liveReaders() {
        return READERS.get();
    }

    /** Send threads alive right now, in every channel (for leak tests). */
    static int liveSenders() {
        return SENDERS.get();
    }

    private static Thread start(String name, AtomicInteger live, Runnable work) {
        live.incrementAndGet();
        try {
            return Thread.ofVirtual().name(name).start(() -> {
                try {
                    work.run();
                } finally {
                    live.decrementAndGet();
                }
            });
        } catch (RuntimeException | Error e) {
            live.decrementAndGet();
            throw e;
        }
    }

    /** A tag no other command of this channel had. */
    String nextTag() {
        return Long.toString(tags.incrementAndGet());
    }

    /** From now on, the replies tagged {@code tag} go to {@code listener}. */
    void listen(String tag, Listener listener) {
        listeners.put(tag, listener);
    }

    /** Replies tagged {@code tag} are dropped from now on. */
    void forget(String tag) {
        listeners.remove(tag);
    }

    /** True on this channel's reader thread (where listeners run: waiting there for a reply would wait forever). */
    boolean isReaderThread() {
        return Thread.currentThread() == reader;
    }

    /**
     * Writes the sentences in order, each in one write, on a virtual thread of their own. The future completes
     * once the last one was handed to the socket, or exceptionally with the write's failure (closing the
     * channel makes a blocked write fail at once).
     */
    CompletableFuture<Void> send(List<byte[]> sentences) {
        var done = new CompletableFuture<Void>();
        start("nnc-routeros-send " + address, SENDERS, () -> {
            writeLock.lock();
            try {
                for (byte[] sentence : sentences) {
                    if (closed.get()) throw new SocketException("connection closed");
                    out.write(sentence);
                }
                out.flush();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            } finally {
                writeLock.unlock();
            }
        });
        return done;
    }

    private void read() {
        var replies = new ReplyReader(in);
        try {
            while (true) {
                ReplySentence s = replies.next();
                if (s == null) {
                    failed("connection closed by router", false, null);
                    return;
                }
                if (s.type().equals("!fatal")) {
                    failed("router sent !fatal: " + String.join(" ", s.words()), true, null);
                    return;
                }
                Listener listener = s.tag().map(listeners::get).orElse(null);
                if (listener != null) listener.reply(s);
            }
        } catch (ReplyReader.Garbage e) {
            failed("garbage from router: " + e.getMessage(), true, e);
        } catch (EOFException e) {
            failed("connection closed by router", false, e);
        } catch (IOException e) {
            failed("connection lost: " + e.getMessage(), false, e);
        } catch (RuntimeException | Error e) {
            // a listener failed: its call or stream is in an unknown state, so the connection goes
            failed("reply handling failed: " + e, false, e);
            if (e instanceof Error error) throw error;
        }
    }

    private void failed(String reason, boolean protocol, Throwable cause) {
        if (closed.get() || !failed.compareAndSet(false, true)) return;
        onFailure.failed(reason, protocol, cause);
    }

    /** Closes the socket: the reader ends, a blocked write fails. Nothing is reported. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) socket.close();
    }
}
