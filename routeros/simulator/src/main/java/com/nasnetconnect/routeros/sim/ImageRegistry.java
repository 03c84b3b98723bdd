package com.nasnetconnect.routeros.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container image registry a simulated router pulls from, and how long a pull takes. Every image exists and
 * the registry is reachable unless a test says otherwise; a pull then ends in the container status
 * {@code error} with a {@code container,error} log line naming the image. Thread-safe; a change applies to pulls
 * that start or advance after it.
 *
 * <p>Image names are compared as Docker does: {@code nginx}, {@code library/nginx:latest} and
 * {@code docker.io/library/nginx:latest} are the same image.
 */
public final class ImageRegistry {

    /** Why a pull fails, or null when it succeeds. */
    enum Failure { NOT_FOUND, UNREACHABLE }

    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private volatile boolean unreachable;
    private volatile long pullMillis;
    private volatile long extractMillis;

    ImageRegistry(long pullMillis, long extractMillis) {
        this.pullMillis = pullMillis;
        this.extractMillis = extractMillis;
    }

    /** Pulls of this image fail with "repository not found" (an unknown or misspelled name). */
    public ImageRegistry unknownImage(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank: '" + image + "'");
        }
        unknown.add(canonical(image));
        return this;
    }

    /** While true, every pull fails after the pull delay as a connection to the registry that timed out. */
    public ImageRegistry unreachable(boolean value) {
        this.unreachable = value;
        return this;
    }

    /** How long downloading an image takes (the phase in which pull progress goes 0% to 100%). */
    public ImageRegistry pullDelay(Duration delay) {
        this.pullMillis = millis(delay, "pullDelay");
        return this;
    }

    /** How long extracting a downloaded image takes before the container is {@code stopped}. */
    public ImageRegistry extractDelay(Duration delay) {
        this.extractMillis = millis(delay, "extractDelay");
        return this;
    }

    /** Every image known again and the registry reachable; delays are kept. */
    public ImageRegistry clear() {
        unknown.clear();
        unreachable = false;
        return this;
    }

    long pullMillis() {
        return pullMillis;
    }

    long extractMillis() {
        return extractMillis;
    }

    Failure failureFor(String image) {
        if (unreachable) {
            return Failure.UNREACHABLE;
        }
        return unknown.contains(canonical(image)) ? Failure.NOT_FOUND : null;
    }

    /** docker.io/library/nginx:latest for nginx, library/nginx, docker.io/library/nginx. */
    static String canonical(String image) {
        String s = image.trim().toLowerCase(Locale.ROOT);
        for (String registry : new String[] {"registry-1.docker.io/", "docker.io/"}) {
            if (s.startsWith(registry)) {
                s = s.substring(registry.length());
            }
        }
        int slash = s.indexOf('/');
        boolean hasHost = slash > 0 && (s.substring(0, slash).contains(".") || s.substring(0, slash).contains(":"));
        if (!hasHost) {
            if (slash < 0) {
                s = "library/" + s;
            }
            s = "docker.io/" + s;
        }
        String last = s.substring(s.lastIndexOf('/') + 1);
        if (!last.contains(":") && !last.contains("@")) {
            s = s + ":latest";
        }
        return s;
    }

    private static long millis(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " is negative: " + d);
        }
        return d.toMillis();
    }
}
