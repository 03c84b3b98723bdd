package com.nasnetconnect.storage.update;

import com.nasnetconnect.domain.update.UpdateRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link UpdateRepository} over HTTP(S) with {@link HttpClient}: files relative to the repository URL
 * ({@code NNC_UPDATE_URL}, e.g. {@code https://cdn.example/nnc/}). Limits: {@code connectTimeout} to connect and to
 * the response's headers, {@code stallTimeout} of no body bytes at all (the stream is closed then), and a size cap
 * per file: the metadata's stated length for artifacts, fixed caps for metadata; a server that sends more is cut
 * off. Downloads resume with {@code Range: bytes=N-} after the bytes already on disk; a server that ignores the
 * range (200) is read from the start again.
 */
public final class HttpUpdateRepository implements UpdateRepository, AutoCloseable {
    private final URI base;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final ScheduledExecutorService watchdog;

    public HttpUpdateRepository(String url, Duration connectTimeout, Duration stallTimeout) {
        String u = Objects.requireNonNull(url, "url").endsWith("/") ? url : url + "/";
        URI b = URI.create(u);
        if (!"http".equals(b.getScheme()) && !"https".equals(b.getScheme())) {
            throw new IllegalArgumentException("NNC_UPDATE_URL must be an http:// or https:// address, not '" + b.getScheme() + ":'");
        }
        this.base = b;
        this.connectTimeout = connectTimeout;
        this.stallTimeout = stallTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("update-download-watchdog").daemon().factory());
    }

    @Override
    public Optional<byte[]> fetch(String name, long maxBytes) throws IOException {
        HttpResponse<InputStream> r = send(name, Optional.empty());
        try (InputStream in = r.body()) {
            if (r.statusCode() == 404) return Optional.empty();
            if (r.statusCode() != 200) throw new IOException("the update repository answered HTTP " + r.statusCode() + " for " + name);
            var out = new java.io.ByteArrayOutputStream();
            copy(name, in, out, maxBytes, "the " + maxBytes + " bytes allowed");
            return Optional.of(out.toByteArray());
        }
    }

    @Override
    public void download(String name, long length, Path target) throws IOException {
        long have = Files.isRegularFile(target) ? Files.size(target) : 0;
        if (have > length) {
            Files.delete(target);
            have = 0;
        }
        if (have == length && length > 0) return;
        HttpResponse<InputStream> r = send(name, have > 0 ? Optional.of(have) : Optional.empty());
        try (InputStream in = r.body()) {
            boolean resumed = r.statusCode() == 206;
            if (r.statusCode() == 404) throw new IOException("the update repository has no " + name);
            if (r.statusCode() != 200 && !resumed) throw new IOException("the update repository answered HTTP " + r.statusCode() + " for " + name);
            long from = resumed ? have : 0;
            long remaining = length - from;
            long announced = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > remaining) {
                throw new IOException(name + " is larger (" + (from + announced) + " bytes) than the " + length + " bytes the signed metadata states");
            }
            com.nasnetconnect.storage.db.OwnerOnly.file(target);
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                copy(name, in, out, remaining, "the " + length + " bytes the signed metadata states");
            }
        }
    }

    private HttpResponse<InputStream> send(String name, Optional<Long> from) throws IOException {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._+-]*") || name.contains("..")) throw new IOException("'" + name + "' is not a plain file name");
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(name)).timeout(connectTimeout.plus(stallTimeout)).GET();
        from.ifPresent(f -> b.header("Range", "bytes=" + f + "-"));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("the update repository did not answer within " + connectTimeout.plus(stallTimeout).toSeconds()
                    + " seconds for " + name);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot connect to the update repository " + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "")
                    + " (" + (e.getMessage() == null ? "refused" : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + name);
        }
    }

    /** Copies at most {@code max} bytes; more is refused, and so is a stream that sends nothing for the stall timeout. */
    private void copy(String name, InputStream in, OutputStream out, long max, String limit) throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long period = Math.max(50, stallTimeout.toMillis() / 4);
        ScheduledFuture<?> watch = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastProgress.get() > stallTimeout.toNanos() && stalled.compareAndSet(false, true)) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is all we can do to end a read that hangs
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try {
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    if (stalled.get()) throw stall(name);
                    throw new IOException("the transfer of " + name + " broke off after " + total + " bytes (" + e.getMessage() + ")");
                }
                if (n < 0) {
                    if (stalled.get()) throw stall(name);
                    return;
                }
                lastProgress.set(System.nanoTime());
                if (total + n > max) {
                    long fits = max - total;
                    out.write(buf, 0, (int) fits);
                    throw new IOException(name + " is larger than " + limit + ": the download was cut off");
                }
                out.write(buf, 0, n);
                total += n;
            }
        } finally {
            watch.cancel(false);
        }
    }

    private IOException stall(String name) {
        String quiet = stallTimeout.toMillis() % 1000 == 0 ? stallTimeout.toSeconds() + " seconds" : stallTimeout.toMillis() + " ms";
        return new IOException("the download of " + name + " stalled: no data for " + quiet);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }
}
