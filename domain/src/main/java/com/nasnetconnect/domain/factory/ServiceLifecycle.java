package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallFilter;
import com.nasnetconnect.domain.schema.types.Configuration.Route;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows each instance through its life on the router (PULLING with progress, EXTRACTING, STARTING, RUNNING,
 * DEGRADED, FAILED) and its health (container state, the gateway route's check-gateway), storing and publishing
 * each change on the {@link ServiceInstanceFeed}.
 *
 * <p>One {@link #check} is one pass over a router: a single batch (one round trip) reads its containers, the
 * container lines of its log and the routes of each instance's table (and, for an instance without a container,
 * its interface); then, for each instance, tagged objects ({@code comment=nnc:<id>}) tell where it is:
 * <ul>
 *   <li>a container still {@code extracting}: {@link InstanceState#PULLING} with the percentage of the router's
 *       {@code "<name>: pulling <image> N%"} log lines (the mean over the instance's containers), then
 *       {@link InstanceState#EXTRACTING} once every download is done</li>
 *   <li>every image imported and the containers {@code stopped}: the pass starts them ({@code /container/start},
 *       a runtime action, not configuration) and the instance is {@link InstanceState#STARTING}</li>
 *   <li>every container {@code running}: {@link InstanceState#RUNNING}, {@link InstanceHealth.Status#HEALTHY}
 *       unless the default route of its table is inactive (check-gateway), then {@link InstanceState#DEGRADED}</li>
 *   <li>a container that failed to pull ({@code error}), or could not be started: {@link InstanceState#FAILED}
 *       with the router's reason</li>
 *   <li>a container that stops while it should run: {@link InstanceState#DEGRADED}, unhealthy, with the reason
 *       from the router's log; running again, it is RUNNING and healthy again (the pass does not restart it)</li>
 *   <li>an instance without a container (WireGuard: router-native) is RUNNING; its health is its interface's and
 *       its route's state</li>
 * </ul>
 * Instances {@link InstanceState#PENDING} (an install under way) or {@link InstanceState#STOPPED} are left alone.
 * A change of state, progress or health (status or reason) is stored and published; a pass that sees nothing new
 * stores and publishes nothing, so {@link InstanceHealth#checkedAt()} is when the current health was first seen.
 * A router that cannot be reached makes each instance's health {@link InstanceHealth.Status#UNKNOWN} with the
 * reason, within the gateway's deadline; the instances' states stay as they were.
 *
 * <p>Failover (optional, {@link #withFailover} and {@link #failover}): while an instance is unhealthy and the
 * instance it fails over to is running and healthy, one apply-confirm-merge plan gives its table a default route
 * through the other instance's gateway at distance {@value #FAILOVER_DISTANCE} (behind its own route at 1, before
 * a blackhole), tagged with its comment, and points its forward accept at the other instance's interface (changed
 * in place, so it stays before its kill-switch drop); once it is healthy again, or the other is not, a second plan
 * puts both back. The kill-switch drop is never touched. Whether failover is on is read from the router each pass
 * (the failover route is there or not), so a restart picks it up.
 */
public final class ServiceLifecycle implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServiceLifecycle.class.getName());
    /** The states a pass follows; PENDING is the factory's (an install under way), STOPPED is final. */
    private static final Set<InstanceState> FOLLOWED = EnumSet.of(InstanceState.PULLING, InstanceState.EXTRACTING,
            InstanceState.STARTING, InstanceState.RUNNING, InstanceState.DEGRADED, InstanceState.FAILED);
    private static final Pattern PULLING = Pattern.compile("pulling \\S+ (\\d{1,3})%");
    /** The failover route's distance: behind the instance's own default route (1). */
    public static final int FAILOVER_DISTANCE = 2;

    private final ServiceInstanceStore instances;
    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final ServiceInstanceFeed feed;
    private final Clock clock;
    private volatile ScheduledFuture<?> schedule;
    private volatile ApplyConfirmMergeService apply;
    /** Instance id → the id of the instance it fails over to. */
    private final Map<String, String> failovers = new ConcurrentHashMap<>();

    public ServiceLifecycle(ServiceInstanceStore instances, RouterRepository routers, RouterGateway gateway,
                            ServiceInstanceFeed feed, Clock clock) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One pass over the router's instances: read the router once, advance and store what changed, publish it.
     * Passes over one router never overlap (a second caller waits for the first).
     *
     * @throws NoSuchRouter no such router
     */
    public void check(RouterId router) {
        Router r = routers.find(Objects.requireNonNull(router, "router")).orElseThrow(() -> new NoSuchRouter(router.value()));
        feed.exclusively(router, () -> {
            pass(r);
            return null;
        });
    }

    /** Lets the lifecycle change routes for {@link #failover} through apply-confirm-merge. Returns this lifecycle. */
    public ServiceLifecycle withFailover(ApplyConfirmMergeService apply) {
        this.apply = Objects.requireNonNull(apply, "apply");
        return this;
    }

    /**
     * While instance {@code instanceId} is unhealthy, its traffic goes through instance {@code toInstanceId} (of the
     * same router) when that one is running and healthy; empty ends the setting (the next pass takes a failover
     * back). The setting lives as long as this lifecycle.
     *
     * @throws IllegalArgumentException an id that names no instance of the router, or the same instance twice
     * @throws IllegalStateException    {@link #withFailover} was not called
     */
    public void failover(RouterId router, String instanceId, Optional<String> toInstanceId) {
        if (apply == null) throw new IllegalStateException("failover needs apply-confirm-merge: call withFailover first");
        var from = instances.find(router, instanceId)
                .orElseThrow(() -> new IllegalArgumentException("no service instance '" + instanceId + "' on router '" + router.value() + "'"));
        if (toInstanceId.isEmpty()) {
            failovers.remove(from.id());
            return;
        }
        var to = instances.find(router, toInstanceId.get()).orElseThrow(() -> new IllegalArgumentException("no service instance '"
                + toInstanceId.get() + "' on router '" + router.value() + "' to fail " + from.interfaceName() + " over to"));
        if (to.id().equals(from.id())) throw new IllegalArgumentException("service " + from.interfaceName() + " cannot fail over to itself");
        failovers.put(from.id(), to.id());
    }

    /**
     * {@link #check} for every registered router that holds service instances; a router that cannot be reached is
     * skipped (and its instances' health says so).
     */
    public void checkAll() {
        var holding = instances.routersWithInstances(); // a router without instances is not visited: its database stays closed
        for (Router r : routers.findAll()) {
            if (!holding.contains(r.id())) continue;
            try {
                check(r.id());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "service lifecycle check of router '" + r.name() + "' failed", e);
            }
        }
    }

    /** Runs {@link #checkAll} every {@code interval} on the executor until closed. */
    public synchronized void start(ScheduledExecutorService executor, Duration interval) {
        Objects.requireNonNull(executor, "executor");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("service lifecycle check interval must be positive: " + interval);
        }
        if (schedule != null) throw new IllegalStateException("service lifecycle already started");
        schedule = executor.scheduleWithFixedDelay(this::checkAllQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkAllQuietly() {
        try {
            checkAll();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.log(System.Logger.Level.WARNING, "service lifecycle pass failed", e);
        }
    }

    /** Stops the scheduled passes; a pass under way finishes. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    // ---- one pass ----

    /** What a pass makes of an instance. */
    private record Seen(InstanceState state, int progress, InstanceHealth.Status health, String reason) {
        static Seen of(ServiceInstance i) {
            return new Seen(i.state(), i.progress(), i.health().status(), i.health().reason());
        }

        Seen healthy() {
            return new Seen(state, progress, InstanceHealth.Status.HEALTHY, "");
        }
    }

    private void pass(Router router) {
        List<ServiceInstance> followed = instances.list(router.id()).stream().filter(i -> FOLLOWED.contains(i.state())).toList();
        if (followed.isEmpty()) return;
        var next = new LinkedHashMap<String, Seen>();
        Facts facts = null;
        try (RouterSession session = gateway.session(router.endpoint())) {
            facts = read(session, followed);
            var toStart = new LinkedHashMap<String, List<Map<String, String>>>();
            for (ServiceInstance i : followed) next.put(i.id(), observe(i, facts, toStart));
            if (!toStart.isEmpty()) startContainers(session, toStart, next);
        } catch (RouterException e) {
            String reason = "router '" + router.name() + "' could not be reached: " + withoutCommand(e.getMessage());
            for (ServiceInstance i : followed) {
                next.put(i.id(), new Seen(i.state(), i.progress(), InstanceHealth.Status.UNKNOWN, reason));
            }
            facts = null;
        }
        if (facts != null && apply != null) failovers(router, followed, facts, next);
        Instant now = clock.instant();
        for (ServiceInstance i : followed) record(i, next.get(i.id()), now);
    }

    /** Puts failovers on where an instance is unhealthy and its failover instance healthy, and takes them back elsewhere. */
    private void failovers(Router router, List<ServiceInstance> followed, Facts facts, Map<String, Seen> next) {
        var byId = new LinkedHashMap<String, ServiceInstance>();
        followed.forEach(i -> byId.put(i.id(), i));
        for (ServiceInstance i : followed) {
            String targetId = failovers.get(i.id());
            ServiceInstance target = targetId == null ? null : byId.get(targetId);
            Seen seen = next.get(i.id());
            Seen targetSeen = target == null ? null : next.get(target.id());
            Optional<String> via = target == null ? Optional.empty() : primaryRoute(target, facts).map(r -> r.get("gateway"));
            boolean want = seen.health() == InstanceHealth.Status.UNHEALTHY && seen.state() == InstanceState.DEGRADED
                    && targetSeen != null && targetSeen.state() == InstanceState.RUNNING
                    && targetSeen.health() == InstanceHealth.Status.HEALTHY && via.isPresent();
            var current = failoverRoute(i, facts);
            try {
                if (want && current.isEmpty()) {
                    apply.apply(router, new ChangePlan(List.of(
                            Change.upsert(new DesiredResource(failoverRouteId(i), ResourceKind.ROUTE, Map.of(Route.DST_ADDRESS, "0.0.0.0/0",
                                    Route.GATEWAY, via.get(), Route.ROUTING_TABLE, i.interfaceName(),
                                    Route.DISTANCE, String.valueOf(FAILOVER_DISTANCE), "comment", i.tag()))),
                            Change.upsert(forwardAccept(i, target.interfaceName()))), "service lifecycle (failover)"));
                    next.put(i.id(), failedOver(seen, target));
                } else if (!want && current.isPresent()) {
                    apply.apply(router, new ChangePlan(List.of(Change.delete(failoverRouteId(i)),
                            Change.upsert(forwardAccept(i, i.interfaceName()))), "service lifecycle (failover ended)"));
                } else if (want) {
                    next.put(i.id(), failedOver(seen, target));
                }
            } catch (RuntimeException e) { // the plan was undone; the next pass tries again
                LOG.log(System.Logger.Level.WARNING, "failover of service " + i.interfaceName() + " on router '" + router.name()
                        + "' failed: " + e.getMessage());
            }
        }
    }

    private static Seen failedOver(Seen seen, ServiceInstance target) {
        return new Seen(seen.state(), seen.progress(), seen.health(), seen.reason() + "; its traffic goes through " + target.interfaceName());
    }

    /** The id of an instance's failover route: fixed, as the install planner's resource ids are. */
    static String failoverRouteId(ServiceInstance i) {
        return InstallPlanner.resourceId(i.id(), "failover-route").toString();
    }

    /** The install's forward accept from the instance VLAN (the planner's "forward-accept"), towards {@code outInterface}. */
    private static DesiredResource forwardAccept(ServiceInstance i, String outInterface) {
        var cfg = new LinkedHashMap<String, String>();
        cfg.put(FirewallFilter.CHAIN, "forward");
        cfg.put(FirewallFilter.ACTION, "accept");
        cfg.put(FirewallFilter.IN_INTERFACE, "nnc-vlan" + i.vlanId());
        cfg.put(FirewallFilter.OUT_INTERFACE, outInterface);
        cfg.put("comment", i.tag());
        return new DesiredResource(InstallPlanner.resourceId(i.id(), "forward-accept").toString(), ResourceKind.FIREWALL_FILTER, cfg);
    }

    private static Optional<Map<String, String>> failoverRoute(ServiceInstance i, Facts facts) {
        return facts.routes().getOrDefault(i.id(), List.of()).stream()
                .filter(r -> i.tag().equals(r.get("comment")) && distance(r.get("distance")) == FAILOVER_DISTANCE).findFirst();
    }

    /** The gateway's message without the {@code [command: …]} it appends: the user asked for no command. */
    private static String withoutCommand(String message) {
        int at = message == null ? -1 : message.indexOf(" [command: ");
        return message == null ? "no answer" : at < 0 ? message : message.substring(0, at);
    }

    /** Stores and publishes the instance when the pass changed it, on the store's current copy (an uninstall may have come in between). */
    private void record(ServiceInstance before, Seen seen, Instant now) {
        if (seen.equals(Seen.of(before))) return;
        Optional<ServiceInstance> current = instances.find(before.routerId(), before.id());
        if (current.isEmpty() || !FOLLOWED.contains(current.get().state())) return;
        var health = seen.health() == before.health().status() && seen.reason().equals(before.health().reason())
                ? before.health() : new InstanceHealth(seen.health(), seen.reason(), Optional.of(now));
        ServiceInstance changed = current.get().with(seen.state(), seen.progress()).with(health);
        try {
            instances.update(changed);
        } catch (RuntimeException e) { // uninstalled meanwhile
            if (instances.find(before.routerId(), before.id()).isPresent()) throw e;
            return;
        }
        feed.publish(changed);
    }

    /** The router as one batch read it. */
    private record Facts(List<Map<String, String>> containers, List<Map<String, String>> log,
                         Map<String, List<Map<String, String>>> routes, Map<String, Optional<Map<String, String>>> interfaces) {
        List<Map<String, String>> containersOf(ServiceInstance i) {
            return containers.stream().filter(c -> i.tag().equals(c.get("comment"))).toList();
        }

        /** The log lines about this container, oldest first. */
        List<Map<String, String>> logOf(Map<String, String> container) {
            String name = container.getOrDefault("name", "");
            if (name.isEmpty()) return List.of();
            return log.stream().filter(l -> {
                String m = l.getOrDefault("message", "");
                return m.startsWith(name + ": ") || m.equals("import successful, container " + name)
                        || m.startsWith("container " + name + " ");
            }).toList();
        }
    }

    private Facts read(RouterSession session, List<ServiceInstance> followed) {
        var batch = session.batch();
        var containers = batch.add(RouterCommand.of("/container/print"));
        var log = batch.add(RouterCommand.of("/log/print").where("?topics=container,info").where("?topics=container,error")
                .where("?#|").props("time", "topics", "message"));
        var routes = new LinkedHashMap<String, RouterSession.Pending<RouterReply>>();
        var interfaces = new LinkedHashMap<String, RouterSession.Pending<RouterReply>>();
        for (ServiceInstance i : followed) {
            routes.put(i.id(), batch.add(RouterCommand.of("/ip/route/print").where("?routing-table=" + i.interfaceName())));
            if (i.state() == InstanceState.RUNNING || i.state() == InstanceState.DEGRADED) {
                interfaces.put(i.id(), batch.add(RouterCommand.of("/interface/print").where("?name=" + i.interfaceName())
                        .props("name", "type", "running", "disabled")));
            }
        }
        batch.run();
        var routeRows = new LinkedHashMap<String, List<Map<String, String>>>();
        routes.forEach((id, p) -> routeRows.put(id, rows(p)));
        var interfaceRows = new LinkedHashMap<String, Optional<Map<String, String>>>();
        var names = new LinkedHashMap<String, String>();
        followed.forEach(i -> names.put(i.id(), i.interfaceName()));
        interfaces.forEach((id, p) -> interfaceRows.put(id, rows(p).stream().filter(r -> names.get(id).equals(r.get("name"))).findFirst()));
        return new Facts(rows(containers), rows(log), routeRows, interfaceRows);
    }

    /** The rows of a read; a trap (a router without the container package has no /container) reads as none, a lost router throws. */
    private static List<Map<String, String>> rows(RouterSession.Pending<RouterReply> read) {
        var failure = read.failure();
        if (failure.isPresent()) {
            if (failure.get() instanceof RouterException.Trap) return List.of();
            throw failure.get();
        }
        return read.get().rows();
    }

    /** Where the instance is, from what the router shows; containers it should start go into {@code toStart}. */
    private static Seen observe(ServiceInstance i, Facts facts, Map<String, List<Map<String, String>>> toStart) {
        Seen was = Seen.of(i);
        List<Map<String, String>> containers = facts.containersOf(i);
        if (containers.isEmpty()) {
            if (i.state() == InstanceState.RUNNING || i.state() == InstanceState.DEGRADED) return routerNative(i, facts);
            if (i.state() == InstanceState.FAILED) return was;
            return new Seen(InstanceState.FAILED, 0, InstanceHealth.Status.UNHEALTHY, "the router has no container of "
                    + i.interfaceName() + " (none carries the comment " + i.tag() + "); it was removed outside NasNetConnect");
        }
        for (var c : containers) {
            if (phase(c).equals("error")) {
                return new Seen(InstanceState.FAILED, 0, InstanceHealth.Status.UNHEALTHY, "the image " + c.getOrDefault("tag",
                        c.getOrDefault("remote-image", "?")) + " of container " + label(c) + " could not be pulled: "
                        + lastError(facts, c).map(ServiceLifecycle::pullError).orElse("the router reports status error"));
            }
        }
        var pulling = containers.stream().filter(c -> phase(c).equals("pulling")).toList();
        if (!pulling.isEmpty()) {
            int sum = 0;
            boolean downloading = false;
            for (var c : containers) {
                int p = pulling.contains(c) ? percent(facts, c) : 100;
                sum += p;
                if (p < 100) downloading = true;
            }
            return downloading
                    ? new Seen(InstanceState.PULLING, Math.min(99, sum / containers.size()), was.health(), was.reason())
                    : new Seen(InstanceState.EXTRACTING, 100, was.health(), was.reason());
        }
        var stopped = containers.stream().filter(c -> phase(c).equals("stopped")).toList();
        if (!stopped.isEmpty()) {
            switch (i.state()) {
                case PULLING, EXTRACTING -> {
                    toStart.put(i.id(), stopped);
                    return new Seen(InstanceState.STARTING, 100, was.health(), was.reason());
                }
                case FAILED -> {
                    return was;
                }
                default -> {
                    var c = stopped.getFirst();
                    return new Seen(InstanceState.DEGRADED, 100, InstanceHealth.Status.UNHEALTHY, "container " + label(c)
                            + " stopped: " + stopReason(facts, c));
                }
            }
        }
        if (containers.stream().anyMatch(c -> phase(c).equals("starting"))) {
            return new Seen(InstanceState.STARTING, 100, was.health(), was.reason());
        }
        var route = gatewayRoute(i, facts);
        if (route.isPresent()) return new Seen(InstanceState.DEGRADED, 100, InstanceHealth.Status.UNHEALTHY, route.get());
        return new Seen(InstanceState.RUNNING, 100, InstanceHealth.Status.HEALTHY, "");
    }

    /** An instance without a container: healthy when its interface runs and its table's default route is active. */
    private static Seen routerNative(ServiceInstance i, Facts facts) {
        var iface = facts.interfaces().getOrDefault(i.id(), Optional.empty());
        String problem = null;
        if (iface.isEmpty()) problem = "interface " + i.interfaceName() + " is missing from the router";
        else if ("true".equals(iface.get().get("disabled"))) problem = "interface " + i.interfaceName() + " is disabled";
        else if ("false".equals(iface.get().get("running"))) problem = "interface " + i.interfaceName() + " is not running";
        if (problem == null) problem = gatewayRoute(i, facts).orElse(null);
        return problem == null ? new Seen(InstanceState.RUNNING, 100, InstanceHealth.Status.HEALTHY, "")
                : new Seen(InstanceState.DEGRADED, 100, InstanceHealth.Status.UNHEALTHY, problem);
    }

    /** What is wrong with the instance's default route (the active one of its table with a gateway), if anything. */
    private static Optional<String> gatewayRoute(ServiceInstance i, Facts facts) {
        var own = primaryRoute(i, facts);
        if (own.isEmpty()) return Optional.empty();
        var r = own.get();
        // inactive=true: not usable (check-gateway failed, gateway unreachable); active=false alone may only mean
        // that another route of the table is the better one
        boolean inactive = r.containsKey("inactive") ? "true".equals(r.get("inactive")) : "false".equals(r.get("active"));
        if (!inactive) return Optional.empty();
        return Optional.of("the default route of " + i.interfaceName() + " through " + r.get("gateway") + " is inactive"
                + (r.getOrDefault("check-gateway", "").isEmpty() ? "" : ": the gateway does not answer the router's check-gateway ("
                + r.get("check-gateway") + ")"));
    }

    /** The instance's own default route: of its table, tagged, enabled, with a gateway, the lowest distance. */
    private static Optional<Map<String, String>> primaryRoute(ServiceInstance i, Facts facts) {
        return facts.routes().getOrDefault(i.id(), List.of()).stream()
                .filter(r -> i.tag().equals(r.get("comment")))
                .filter(r -> !"true".equals(r.get("disabled")) && !"true".equals(r.get("blackhole")))
                .filter(r -> !r.getOrDefault("gateway", "").isEmpty())
                .min(java.util.Comparator.comparingInt(r -> distance(r.get("distance"))));
    }

    private static int distance(String d) {
        try {
            return d == null ? 1 : Integer.parseInt(d);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * How far a container's download is: the last {@code pulling … N%} line, 100 once its log says it is
     * extracting (the download is done), 0 before any line.
     */
    private static int percent(Facts facts, Map<String, String> container) {
        int percent = 0;
        for (var line : facts.logOf(container)) {
            String m = afterName(line);
            Matcher pull = PULLING.matcher(m);
            if (pull.matches()) percent = Math.min(100, Integer.parseInt(pull.group(1)));
            else if (m.startsWith("extracting ")) percent = 100;
        }
        return percent;
    }

    /**
     * A container's status in the lifecycle's terms: {@code error}, {@code running}, {@code starting},
     * {@code stopped} ({@code stopping} too), else {@code pulling} ({@code extracting}, or whatever a newer RouterOS
     * shows while it fetches an image).
     */
    private static String phase(Map<String, String> c) {
        return switch (c.getOrDefault("status", "")) {
            case "error" -> "error";
            case "running" -> "running";
            case "starting" -> "starting";
            case "stopped", "stopping" -> "stopped";
            default -> "pulling";
        };
    }

    /** Why a container stopped: the router's last error line about it, unless it was stopped on purpose after that. */
    private static String stopReason(Facts facts, Map<String, String> c) {
        String stoppedLine = "container " + c.getOrDefault("name", "") + " stopped";
        var lines = facts.logOf(c).stream()
                .filter(l -> l.getOrDefault("topics", "").contains("error") || stoppedLine.equals(l.get("message"))).toList();
        if (lines.isEmpty()) return "the router's log gives no reason";
        var last = lines.getLast();
        return stoppedLine.equals(last.get("message")) ? "it was stopped on the router" : afterName(last);
    }

    private static Optional<Map<String, String>> lastError(Facts facts, Map<String, String> container) {
        var lines = facts.logOf(container).stream().filter(l -> l.getOrDefault("topics", "").contains("error")).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.getLast());
    }

    /** {@code "<name>: error pulling <image>: <reason>"} gives {@code <reason>}. */
    private static String pullError(Map<String, String> line) {
        String m = afterName(line);
        int colon = m.startsWith("error pulling ") ? m.indexOf(": ") : -1;
        return colon < 0 ? m : m.substring(colon + 2);
    }

    /** A log message without its leading {@code "<container name>: "}. */
    private static String afterName(Map<String, String> line) {
        String m = line.getOrDefault("message", "");
        int colon = m.indexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2);
    }

    /** How a user knows the container: its host name (the planner gives it the veth's name), else its interface or name. */
    private static String label(Map<String, String> c) {
        for (String key : List.of("hostname", "interface", "name")) {
            String v = c.getOrDefault(key, "");
            if (!v.isEmpty()) return v;
        }
        return c.getOrDefault(".id", "?");
    }

    /** Starts the containers in one batch; an instance whose container the router will not start has FAILED. */
    private static void startContainers(RouterSession session, Map<String, List<Map<String, String>>> toStart,
                                        Map<String, Seen> next) {
        var batch = session.batch();
        var started = new LinkedHashMap<String, List<Map.Entry<Map<String, String>, RouterSession.Pending<RouterReply>>>>();
        toStart.forEach((instance, containers) -> {
            var pendings = new ArrayList<Map.Entry<Map<String, String>, RouterSession.Pending<RouterReply>>>();
            for (var c : containers) {
                pendings.add(Map.entry(c, batch.add(RouterCommand.of("/container/start").with(".id", c.get(".id")))));
            }
            started.put(instance, pendings);
        });
        batch.run();
        started.forEach((instance, pendings) -> {
            for (var p : pendings) {
                var failure = p.getValue().failure();
                if (failure.isEmpty()) continue;
                if (!(failure.get() instanceof RouterException.Trap trap)) throw failure.get();
                next.put(instance, new Seen(InstanceState.FAILED, 100, InstanceHealth.Status.UNHEALTHY, "container "
                        + label(p.getKey()) + " could not be started: " + trap.routerMessage()));
                break;
            }
        });
    }
}
