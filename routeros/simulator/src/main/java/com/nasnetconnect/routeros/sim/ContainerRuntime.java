package com.nasnetconnect.routeros.sim;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the router's container package does over time. A container added with {@code remote-image} is
 * {@code status=extracting} while its image downloads and then extracts, and {@code stopped} once imported;
 * {@code /container/start} makes it {@code running}, {@code /container/stop} {@code stopped} again. A pull that
 * fails (unknown image, unreachable registry: see {@link ImageRegistry}) ends in {@code status=error}.
 *
 * <p>The phases are timed on the state's clock and advanced by a tick on the simulator's timer thread, which
 * runs only while a pull is in progress: with an injected clock a test moves a pull forward by moving the clock.
 *
 * <p>Progress is reported in /log as RouterOS reports container work, one line per step, each starting with the
 * container's name so pulls side by side can be told apart:
 * <pre>
 * container,info   &lt;name&gt;: pulling &lt;image&gt; 0%      (at add; then 10%, 20%... as the download advances)
 * container,info   &lt;name&gt;: extracting &lt;image&gt;        (download complete)
 * container,info   import successful, container &lt;name&gt;  (status stopped)
 * container,error  &lt;name&gt;: error pulling &lt;image&gt;: &lt;reason&gt;  (status error)
 * </pre>
 * A running container with {@code logging=yes} writes its output to /log as {@code container,info} lines
 * {@code "<name>: <line>"}.
 */
final class ContainerRuntime {

    static final String TABLE = "/container";
    private static final long TICK_MILLIS = 10;

    private final RouterState state;
    private final ImageRegistry registry;
    /** Pulls in progress by container id; guarded by the state's monitor. */
    private final Map<String, Pull> pulls = new LinkedHashMap<>();
    private ScheduledFuture<?> ticking;

    private static final class Pull {
        final String id;
        long phaseStart;
        boolean extracting;
        int reported;

        Pull(String id, long start) {
            this.id = id;
            this.phaseStart = start;
        }
    }

    ContainerRuntime(RouterState state, ImageRegistry registry) {
        this.state = state;
        this.registry = registry;
    }

    ImageRegistry registry() {
        return registry;
    }

    /** Starts the pull of a container just added (its status is extracting). Call under the state's monitor. */
    void beginPull(Item container) {
        pulls.put(container.id, new Pull(container.id, state.clock.millis()));
        state.log("container,info", container.get("name") + ": pulling " + container.get("tag") + " 0%");
        if (ticking == null && state.timers() != null) {
            ticking = state.timers().scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            synchronized (state) {
                long now = state.clock.millis();
                for (Iterator<Pull> it = pulls.values().iterator(); it.hasNext(); ) {
                    Pull p = it.next();
                    Item c = state.table(TABLE).find(p.id);
                    if (c == null || !"extracting".equals(c.get("status")) || advance(p, c, now)) {
                        it.remove();
                    }
                }
                if (pulls.isEmpty() && ticking != null) {
                    ticking.cancel(false);
                    ticking = null;
                }
            }
        } catch (RuntimeException e) {
            state.log("container,error", "simulator: " + e.getMessage());
        }
    }

    /** Moves one pull forward to {@code now}; true when it ended (imported or failed). */
    private boolean advance(Pull p, Item c, long now) {
        String name = c.get("name");
        String image = c.get("tag");
        if (!p.extracting) {
            String remote = c.get("remote-image");
            ImageRegistry.Failure failure = remote == null || remote.isEmpty() ? null : registry.failureFor(remote);
            long download = registry.pullMillis();
            long elapsed = now - p.phaseStart;
            if (failure == ImageRegistry.Failure.NOT_FOUND) {
                return fail(c, "repository not found");
            }
            if (failure == ImageRegistry.Failure.UNREACHABLE) {
                return elapsed >= download && fail(c, "cannot connect to " + registryUrl() + ": connection timed out");
            }
            int percent = download == 0 ? 100 : (int) Math.min(100, Math.max(0, elapsed) * 100 / download);
            int step = percent / 10 * 10;
            if (step > p.reported) {
                p.reported = step;
                state.log("container,info", name + ": pulling " + image + " " + step + "%");
            }
            if (elapsed < download) {
                return false;
            }
            p.extracting = true;
            p.phaseStart += download;
            state.log("container,info", name + ": extracting " + image);
        }
        if (now - p.phaseStart < registry.extractMillis()) {
            return false;
        }
        status(c, "stopped");
        state.log("container,info", "import successful, container " + name);
        return true;
    }

    private boolean fail(Item c, String reason) {
        status(c, "error");
        state.log("container,error", c.get("name") + ": error pulling " + c.get("tag") + ": " + reason);
        return true;
    }

    private String registryUrl() {
        Item config = state.table("/container/config").find("*0");
        return config == null ? "https://registry-1.docker.io" : config.props.getOrDefault("registry-url", "");
    }

    /** /container/start of one container; call under the state's monitor. */
    void start(Item c, Object actor) {
        switch (c.props.getOrDefault("status", "")) {
            case "extracting" -> throw ApiTrap.failure("container is not ready, image is still extracting");
            case "error" -> throw ApiTrap.failure("container " + c.get("name")
                    + " has no image, its pull failed: remove it and add it again");
            case "running" -> {
                return;
            }
            default -> {
            }
        }
        Item running = status(c, "running", actor);
        state.log("container,info", "container " + c.get("name") + " started");
        if ("true".equals(running.get("logging"))) {
            for (String line : output(running.get("tag"))) {
                state.log("container,info", running.get("name") + ": " + line);
            }
        }
    }

    /** /container/stop of one container; only a running container stops. Call under the state's monitor. */
    void stop(Item c, Object actor) {
        if ("running".equals(c.get("status"))) {
            status(c, "stopped", actor);
            state.log("container,info", "container " + c.get("name") + " stopped");
        }
    }

    /** The container's process exits on its own (a crash); the container shows stopped. */
    boolean crash(String name) {
        synchronized (state) {
            for (Item c : List.copyOf(state.table(TABLE).items)) {
                if (name.equals(c.get("name")) && "running".equals(c.get("status"))) {
                    status(c, "stopped");
                    state.log("container,error", name + ": exited with status 1");
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * After a reboot (state loaded from file): a pull cut short counts as done, containers with
     * start-on-boot=yes run, the others are stopped.
     */
    void boot() {
        synchronized (state) {
            for (Item c : List.copyOf(state.table(TABLE).items)) {
                String status = c.props.getOrDefault("status", "");
                if (status.equals("extracting")) {
                    status(c, "stopped");
                    status = "stopped";
                }
                boolean onBoot = "true".equals(c.get("start-on-boot"));
                if (onBoot && status.equals("stopped")) {
                    start(state.table(TABLE).find(c.id), null);
                } else if (!onBoot && status.equals("running")) {
                    status(c, "stopped");
                }
            }
        }
    }

    private Item status(Item c, String status) {
        return status(c, status, null);
    }

    private Item status(Item c, String status, Object actor) {
        Item next = c.copy();
        next.props.put("status", status);
        state.replace(TABLE, next, actor);
        return next;
    }

    /** The first lines a well-known image writes when it starts. */
    private static List<String> output(String image) {
        String s = image == null ? "" : image.toLowerCase(Locale.ROOT);
        if (s.contains("adguard")) {
            return List.of("[info] AdGuard Home, version v0.107.55", "[info] starting dns server on 0.0.0.0:53");
        }
        if (s.contains("socks5-tunnel") || s.contains("socks")) {
            return List.of("[I] hev-socks5-tunnel: tunnel tun0 up", "[I] hev-socks5-tunnel: upstream connected");
        }
        if (s.contains("wireguard")) {
            return List.of("[#] ip link add wg0 type wireguard", "[#] wg setconf wg0 /dev/fd/63", "[#] ip link set wg0 up");
        }
        if (s.contains("tor")) {
            return List.of("[notice] Tor 0.4.8.14 running on Linux", "[notice] Bootstrapped 100% (done): Done");
        }
        return List.of("started " + image);
    }
}
