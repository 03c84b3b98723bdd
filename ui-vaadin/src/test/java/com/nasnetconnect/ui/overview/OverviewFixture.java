package com.nasnetconnect.ui.overview;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.ResourceLocator;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.telemetry.InterfaceState;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.routeros.api.CertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The overview's in-ports for its tests: routers, resources and services on a real SQLite data directory (the
 * resource and service in-ports as the server builds them; no router is ever called), and in-memory fakes of the
 * status feed, the telemetry and the event log that the test sets.
 */
public final class OverviewFixture implements AutoCloseable {
    static final RouterId LAB = new RouterId("lab");
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);
    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final DatabaseManager databases;
    final SqliteRouterRepository routers;
    final SqliteResourceStore store;
    final ResourceEventBus bus = new ResourceEventBus();
    final ResourceQueries queries;
    final SqliteServiceInstanceStore instances;
    final ServiceFactory factory;
    final RouterOsGateway gateway = new RouterOsGateway(GatewaySettings.defaults(), CertificatePins.inMemory());
    final Feed feed = new Feed();
    final FakeTelemetry telemetry = new FakeTelemetry();
    final FakeEvents events = new FakeEvents();
    final OverviewCharts charts;

    public OverviewFixture(Path dir) {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), Clock.systemUTC());
        var cipher = AesGcmSecretCipher.ofKey(new byte[32]);
        routers = new SqliteRouterRepository(databases, cipher, clock);
        routers.save(new Router(LAB, "Lab", new RouterEndpoint("127.0.0.1", 1, false, "admin", Secret.of("pw")), false, NOW));
        store = new SqliteResourceStore(databases);
        queries = new ResourceQueries(routers, store, store, new ResourceLocator(routers, store, bus), bus);
        var specs = ResourceKindSpecs.defaults();
        var apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, bus, specs, clock), specs,
                new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
        instances = new SqliteServiceInstanceStore(databases, cipher);
        factory = new ServiceFactory(new SqliteServiceCatalog(databases), instances, apply, routers, gateway, store,
                id -> FactorySettings.defaults().withVlanParent("ether1"), new ServiceInstanceFeed(), clock);
        charts = new OverviewCharts(telemetry, clock, ZoneOffset.UTC, Duration.ZERO.plusNanos(1));
    }

    public OverviewController controller() {
        return new OverviewController(feed, telemetry, charts, queries, events, factory, VIEWER, clock, ZoneOffset.UTC,
                Duration.ofSeconds(5));
    }

    /** A reachable router's status, as the monitor reports it. */
    static RouterStatus online(Instant at) {
        return new RouterStatus(LAB, "Lab", true, Optional.of("lab-gw"), Optional.of("7.16.2"), Optional.of("RB5009UG+S+"),
                Optional.of(Duration.ofHours(27).plusMinutes(5)), Optional.of(7), Optional.of(200_000_000L),
                Optional.of(1_000_000_000L), Optional.empty(), at, Optional.of(at));
    }

    /** The status of a router that stopped answering, with its last known values. */
    static RouterStatus unreachableSince(Instant lastSeen, Instant checked, String problem) {
        return new RouterStatus(LAB, "Lab", false, Optional.of("lab-gw"), Optional.of("7.16.2"), Optional.of("RB5009UG+S+"),
                Optional.of(Duration.ofHours(27)), Optional.of(7), Optional.of(200_000_000L), Optional.of(1_000_000_000L),
                Optional.of(problem), checked, Optional.of(lastSeen));
    }

    Resource add(ResourceKind kind, Fields configuration) {
        Resource r = Resource.create(ResourceId.random(), LAB, kind, configuration, Relationships.NONE, Platform.MIKROTIK,
                clock.instant(), "vic");
        commit(r, ChangeType.CREATED);
        return r;
    }

    /** Commits and publishes, as the apply ledger does. */
    void commit(Resource r, ChangeType type) {
        bus.publish(store.commit(ChangeSet.of(LAB, "vic", clock.instant(), new ResourceChange.Put(r, type))));
    }

    ServiceInstance install(String name, int vlanId, InstanceState state, InstanceHealth health) {
        var i = new ServiceInstance(UUID.randomUUID().toString(), LAB, "tor", name, name, vlanId, "10.99." + vlanId + ".0/24", state, 0, health,
                List.of(), Map.of(), Map.of(), NOW);
        instances.reserve(i);
        return i;
    }

    @Override
    public void close() {
        gateway.close();
        databases.close();
    }

    /** The status feed: the test sets the statuses and runs a poll round. */
    static final class Feed implements RouterStatusFeed {
        volatile List<RouterStatus> statuses = List.of();
        final List<Consumer<List<RouterStatus>>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public List<RouterStatus> current() {
            return statuses;
        }

        @Override
        public AutoCloseable subscribe(Consumer<List<RouterStatus>> listener) {
            listeners.add(listener);
            listener.accept(statuses);
            return () -> listeners.remove(listener);
        }

        @Override
        public void refreshNow() {
        }

        void round(RouterStatus... now) {
            statuses = List.of(now);
            listeners.forEach(l -> l.accept(statuses));
        }
    }

    static final class FakeTelemetry implements TelemetryQueries {
        final Map<String, List<TelemetrySample>> series = new LinkedHashMap<>();
        final Map<String, List<TelemetrySample>> traffic = new LinkedHashMap<>();
        volatile List<InterfaceState> interfaces = List.of();
        int reads;

        @Override
        public Optional<RuntimeState> runtime(ResourceId resource) {
            return Optional.empty();
        }

        @Override
        public Telemetry ofResource(RouterId router, ResourceId resource) {
            return Telemetry.EMPTY;
        }

        @Override
        public synchronized List<TelemetrySample> series(RouterId router, String metric, Instant since) {
            reads++;
            return series.getOrDefault(metric, List.of()).stream().filter(s -> !s.at().isBefore(since)).toList();
        }

        @Override
        public List<InterfaceState> interfaces(RouterId router) {
            return interfaces;
        }

        @Override
        public synchronized Map<String, List<TelemetrySample>> traffic(RouterId router, Instant since) {
            return Map.copyOf(traffic);
        }

        /** One sample every 10 s over the last {@code span} before {@code now}. */
        synchronized void record(String metric, Instant now, Duration span, double value) {
            var samples = new ArrayList<TelemetrySample>();
            for (Instant t = now.minus(span); !t.isAfter(now); t = t.plusSeconds(10)) samples.add(new TelemetrySample(t, Map.of(metric, value)));
            series.put(metric, samples);
        }
    }

    static final class FakeEvents implements EventLogQueries {
        final List<LoggedEvent> newestFirst = new CopyOnWriteArrayList<>();

        @Override
        public EventPage query(EventQuery q) {
            var out = newestFirst.stream().filter(q::matches).limit(q.first()).toList();
            return new EventPage(out, Optional.empty(), false);
        }

        @Override
        public EventStorageStatus storage() {
            throw new UnsupportedOperationException("not used by the overview");
        }

        @Override
        public Subscription follow(EventQuery filter, java.util.function.Consumer<LoggedEvent> listener) {
            return () -> { }; // the overview re-reads on its refresh; it does not follow the log
        }

        void add(String type, EventClass c, Instant at, String actor, String summary, Map<String, Object> data) {
            newestFirst.addFirst(new LoggedEvent(UUID.randomUUID().toString(), Optional.of(LAB), c, type, at, actor, summary,
                    data, com.nasnetconnect.domain.events.EventTier.HOT));
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
