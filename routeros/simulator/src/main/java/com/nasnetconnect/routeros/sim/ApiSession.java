package com.nasnetconnect.routeros.sim;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One API connection, served by its own (virtual) thread. Reads sentences, answers each with replies carrying
 * the request's .tag, runs several streaming commands at once (keyed by tag), and cleans up when the peer goes:
 * streams are cancelled and safe mode held by this session is unrolled.
 *
 * <p>Malformed input never hangs or crashes the simulator: an invalid word length or an oversized word closes the
 * connection with {@code !fatal}; a sentence that does not start with a command word gets a trap.
 */
final class ApiSession implements Runnable {
    /** The longest word the simulator accepts from a client (32 MiB). */
    static final int MAX_WORD = 32 * 1024 * 1024;

    private final Socket socket;
    private final CommandExecutor executor;
    private final Faults faults;
    private final String user;
    private final byte[] password;
    private final Consumer<ApiSession> onClose;
    private final Object writeLock = new Object();
    private final Map<String, CommandExecutor.Stream> streams = new ConcurrentHashMap<>();
    private OutputStream out;
    private volatile boolean loggedIn;
    private volatile boolean closed;

    ApiSession(Socket socket, CommandExecutor executor, Faults faults, String user, String password,
               Consumer<ApiSession> onClose) {
        this.socket = socket;
        this.executor = executor;
        this.faults = faults;
        this.user = user;
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
            while (!closed) {
                List<String> words;
                try {
                    words = ApiWords.readSentence(in, MAX_WORD);
                } catch (ApiWords.MalformedWordException e) {
                    fatal("malformed sentence: " + e.getMessage());
                    return;
                }
                if (words == null) {
                    return;
                }
                if (words.isEmpty()) {
                    continue;
                }
                handle(words);
            }
        } catch (IOException e) {
            // the peer went away or the socket was closed: clean up below
        } finally {
            close();
        }
    }

    /** Closes the connection (idempotent): cancels streams and unrolls safe mode held by this session. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CommandExecutor.Stream s : streams.values()) {
            s.cancel();
        }
        streams.clear();
        executor.state().unrollSafeMode(this);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        onClose.accept(this);
    }

    private void handle(List<String> words) {
        String tag = findTag(words);
        Sink sink = new Sink(tag);
        String command = words.getFirst();
        if (!command.startsWith("/")) {
            sink.trap(new ApiTrap(0, "no such command"));
            sink.done(Map.of());
            return;
        }
        ApiRequest req;
        try {
            req = ApiRequest.parse(words);
        } catch (ApiTrap t) {
            sink.trap(t);
            sink.done(Map.of());
            return;
        }
        if (faults.stalled()) {
            return;
        }
        Duration delay = faults.delay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        switch (command) {
            case "/login" -> {
                login(req, sink);
                return;
            }
            case "/quit" -> {
                fatal("session terminated on request");
                return;
            }
            default -> {
            }
        }
        if (!loggedIn) {
            sink.trap(new ApiTrap(null, "not logged in"));
            sink.done(Map.of());
            return;
        }
        if (command.equals("/cancel")) {
            cancel(req, sink);
            return;
        }
        switch (faults.onCommand(command)) {
            case STALL -> {
                return;
            }
            case REJECT -> {
                sink.trap(new ApiTrap(null, faults.rejectMessage()));
                sink.done(Map.of());
                return;
            }
            default -> {
            }
        }
        try {
            CommandTree.Command cmd = executor.state().tree.resolve(req.path());
            CommandExecutor.Stream stream = executor.execute(req, cmd, this, sink);
            if (stream != null) {
                sink.streaming();
                String key = tag == null ? "" : tag;
                CommandExecutor.Stream previous = streams.put(key, stream);
                if (previous != null) {
                    previous.cancel();
                }
                if (sink.finished) {
                    streams.remove(key, stream);
                }
            }
        } catch (ApiTrap t) {
            sink.trap(t);
            sink.done(Map.of());
        } catch (RuntimeException e) {
            sink.trap(new ApiTrap(4, "failure: internal simulator error: " + e));
            sink.done(Map.of());
        }
    }

    private void login(ApiRequest req, Sink sink) {
        String name = req.attr("name");
        String pw = req.attr("password");
        boolean ok = name != null && pw != null && name.equals(user)
                && MessageDigest.isEqual(pw.getBytes(StandardCharsets.UTF_8), password);
        if (ok) {
            loggedIn = true;
            executor.state().log("system,info,account", "user " + user + " logged in via api");
            sink.done(Map.of());
        } else {
            executor.state().log("system,error,critical", "login failure for user " + name + " via api");
            sink.trap(new ApiTrap(null, "invalid user name or password (6)"));
            sink.done(Map.of());
        }
    }

    private void cancel(ApiRequest req, Sink sink) {
        String target = req.attr("tag");
        List<String> tags = target == null ? new ArrayList<>(streams.keySet()) : List.of(target);
        for (String t : tags) {
            CommandExecutor.Stream s = streams.remove(t);
            if (s != null) {
                s.cancel();
                Sink streamSink = new Sink(t.isEmpty() ? null : t);
                streamSink.trap(new ApiTrap(2, "interrupted"));
                streamSink.done(Map.of());
            }
        }
        sink.done(Map.of());
    }

    private static String findTag(List<String> words) {
        for (String w : words) {
            if (w.startsWith(".tag=")) {
                return w.substring(5);
            }
        }
        return null;
    }

    private void fatal(String message) {
        send(List.of("!fatal", message));
        close();
    }

    private void send(List<String> words) {
        send(words, null);
    }

    /**
     * Writes one sentence, applying the armed faults; flushes when asked (rows of a synchronous print are
     * flushed together with their !done). Failures close the connection.
     */
    private void send(List<String> words, Sink from) {
        synchronized (writeLock) {
            boolean flush = from == null || from.streaming || !words.getFirst().equals("!re");
            if (closed) {
                return;
            }
            try {
                if (faults.takeDrop()) {
                    out.flush();
                    abort();
                    return;
                }
                if (faults.takeGarbage()) {
                    out.flush();
                    out.write(new byte[] {(byte) 0xF9, (byte) 0xFF, 0x21, 0x3F, 0x00, 0x7F});
                    out.flush();
                    return;
                }
                out.write(ApiWords.encodeSentence(words));
                if (flush) {
                    out.flush();
                }
            } catch (IOException e) {
                abort();
            }
        }
    }

    /**
     * Closes the socket only; the reader thread then ends and runs {@link #close()}. Used while holding the
     * write lock, where taking the state lock (safe-mode unroll) could deadlock with a print holding it.
     */
    private void abort() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Adds .tag to the replies of one command. */
    private final class Sink implements ReplySink {
        private final String tag;
        private volatile boolean streaming;
        private volatile boolean finished;

        Sink(String tag) {
            this.tag = tag;
        }

        /** From now on every row is flushed at once; also flushes rows already written. */
        void streaming() {
            synchronized (writeLock) {
                streaming = true;
                try {
                    if (!closed) {
                        out.flush();
                    }
                } catch (IOException e) {
                    abort();
                }
            }
        }

        private void sentence(String type, Map<String, String> attributes) {
            List<String> words = new ArrayList<>(attributes.size() + 2);
            words.add(type);
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                words.add("=" + e.getKey() + "=" + e.getValue());
            }
            if (tag != null) {
                words.add(".tag=" + tag);
            }
            send(words, this);
        }

        @Override
        public void re(Map<String, String> attributes) {
            sentence("!re", attributes);
        }

        @Override
        public void done(Map<String, String> attributes) {
            sentence("!done", attributes);
        }

        @Override
        public void empty() {
            sentence("!empty", Map.of());
        }

        @Override
        public boolean async() {
            return true;
        }

        @Override
        public void finished() {
            finished = true;
            streams.remove(tag == null ? "" : tag);
        }

        @Override
        public void trap(ApiTrap trap) {
            for (ApiTrap.Trap t : trap.traps()) {
                List<String> words = new ArrayList<>();
                words.add("!trap");
                if (t.category() != null) {
                    words.add("=category=" + t.category());
                }
                words.add("=message=" + t.message());
                if (tag != null) {
                    words.add(".tag=" + tag);
                }
                send(words);
            }
        }
    }
}
