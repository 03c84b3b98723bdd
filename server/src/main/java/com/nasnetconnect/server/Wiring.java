package com.nasnetconnect.server;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterMonitor;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.DriftResolution;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.DriftMonitor;
import com.nasnetconnect.domain.apply.DriftService;
import com.nasnetconnect.domain.apply.FieldBinding;
import com.nasnetconnect.domain.apply.PreferSafeModeGuard;
import com.nasnetconnect.domain.apply.ReconcileOnReconnect;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceLocator;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.RouterRegistration;
import com.nasnetconnect.domain.apply.RouterPlatforms;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.events.AuditTrailEvents;
import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.ReachabilityEvents;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.domain.factory.ServiceInstanceEvents;
import com.nasnetconnect.storage.events.FileColdEventTier;
import com.nasnetconnect.storage.events.HotTierLocation;
import com.nasnetconnect.storage.events.SqliteHotEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import com.nasnetconnect.server.web.EventsReadiness;
import com.nasnetconnect.domain.telemetry.HotTelemetry;
import com.nasnetconnect.domain.telemetry.RuntimePoller;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.factory.ServiceLifecycle;
import com.nasnetconnect.storage.factory.SqliteRoutingPolicyStore;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.domain.schema.AuditedSecretReveals;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.apply.RevealSecret;
import com.nasnetconnect.domain.apply.SchemaRulesAdapter;
import com.nasnetconnect.domain.state.DatabaseHealthCheck;
import com.nasnetconnect.server.auth.SecurityWiring;
import com.nasnetconnect.server.graphql.backend.DomainGraphQlBackend;
import com.nasnetconnect.server.graphql.GraphQlEndpoint;
import com.nasnetconnect.server.graphql.GraphQlBackend;
import com.nasnetconnect.server.graphql.GraphQlEngine;
import com.nasnetconnect.server.graphql.Limits;
import com.nasnetconnect.server.graphql.LoadLimits;
import com.nasnetconnect.server.graphql.WebSocketLimits;
import com.nasnetconnect.server.graphql.SchemaDirectives;
import com.nasnetconnect.storage.security.SqliteAuditLog;
import com.nasnetconnect.storage.state.SecretFieldSealer;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import com.nasnetconnect.server.config.ServerConfig;
import com.nasnetconnect.server.config.UpdateConfig;
import com.nasnetconnect.domain.update.AcceptedMetadata;
import com.nasnetconnect.domain.update.TelemetryTrafficWatch;
import com.nasnetconnect.domain.update.TrafficWatch;
import com.nasnetconnect.domain.update.TrustChain;
import com.nasnetconnect.domain.update.UpdateChecker;
import com.nasnetconnect.domain.update.LauncherAwareUpdates;
import com.nasnetconnect.domain.update.UpdateInstaller;
import com.nasnetconnect.domain.update.Updates;
import com.nasnetconnect.domain.update.UpdateKeys;
import com.nasnetconnect.domain.update.UpdateRepository;
import com.nasnetconnect.storage.update.FileAcceptedMetadata;
import com.nasnetconnect.storage.update.FileUpdateHistory;
import com.nasnetconnect.storage.update.HttpUpdateRepository;
import com.nasnetconnect.storage.update.SqliteServiceCatalogUpdate;
import com.nasnetconnect.server.vaadin.EmbeddedVaadin;
import com.nasnetconnect.server.vaadin.UiScreens;
import com.nasnetconnect.server.vaadin.UiServices;
import com.nasnetconnect.server.web.FrontDoor;
import com.nasnetconnect.server.web.DatabasesReadiness;
import com.nasnetconnect.server.web.HealthService;
import com.nasnetconnect.server.web.MetricsService;
import com.nasnetconnect.server.web.Readiness;
import com.nasnetconnect.server.web.RequestCounter;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.domain.update.CommitWhenHealthy;
import com.nasnetconnect.storage.update.FileUpdateInstaller;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The composition root: every object of the running server is built here with {@code new}, in dependency
 * order, and handed what it needs. Nothing else in the code base creates services or reads the environment.
 */
final class Wiring {
    static final String DEMO_ROUTER_ID = "demo";
    static final String DEMO_USER = "admin";
    static final String DEMO_VLAN_PARENT = "ether2";

    private Wiring() {
    }

    static Application start(ServerConfig config, Map<String, String> env, Clock clock, PrintStream out) {
        Application app = new Application();
        try {
            return start(app, config, env, clock, out);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private static Application start(Application app, ServerConfig config, Map<String, String> env, Clock clock,
                                      PrintStream out) {
        // Fail before anything is created (a first admin's generated password must not be lost to a late failure).
        requireFreePort(config.bindAddress(), config.port(), "NNC_PORT");
        if (config.demo() && config.demoApiPort() != 0) {
            requireFreePort("127.0.0.1", config.demoApiPort(), "NNC_DEMO_API_PORT (or NNC_DEMO=false)");
        }
        Path dataDir = prepareDataDir(config.dataDir());
        FileUpdateInstaller installer = updateInstaller(dataDir, env);
        // Vaadin's start (class scan, initialisation) is the slowest step and needs none of the services: it runs
        // alongside the rest and gets its services before the front door opens.
        CompletableFuture<EmbeddedVaadin> vaadinStarting = CompletableFuture.supplyAsync(Wiring::startVaadin,
                task -> Thread.ofPlatform().name("vaadin-start").daemon().start(task));
        app.own(() -> vaadinStarting.thenAccept(Wiring::closeQuietly));
        CompletableFuture<SchemaDirectives> schemaReading = CompletableFuture.supplyAsync(SchemaDirectives::fromClasspath,
                task -> Thread.ofPlatform().name("schema-read").daemon().start(task)); // schema.graphql, parsed alongside
        // ... and made executable right after (a quarter of start-up's work); its fetchers wait for the backend
        CompletableFuture<GraphQlBackend> graphQlBackend = new CompletableFuture<>();
        CompletableFuture<GraphQlEngine.Prepared> graphQlSchema = schemaReading.thenApplyAsync(
                directives -> GraphQlEngine.prepare(directives, graphQlBackend, graphQlLimits(config)),
                task -> Thread.ofPlatform().name("graphql-schema").daemon().start(task));
        if (config.demo()) { // the demo router's command tree (35,000 words) is read alongside storage and security
            Thread.ofPlatform().name("demo-router-tree").daemon().start(() -> RouterOsSimulator.prepare(config.demoVersion()));
        }

        // Storage, the event log's tiers, secrets and security (the first admin is created, and a generated password
        // printed, here; its audit events go to the event log too)
        DatabaseManager databases = app.own(new DatabaseManager(dataDir, DatabaseSettings.defaults(), clock));
        EventTiers eventTiers = startEventTiers(app, config, dataDir, databases, clock);
        TieredEventLog eventLog = eventTiers.log();
        SecurityWiring security = createSecurity(databases, dataDir, withConfiguredAdminPassword(env, config), clock, out,
                audit -> new AuditTrailEvents(audit, eventLog));
        SqliteRouterRepository routers = new SqliteRouterRepository(databases, security.cipher(), clock);

        // Routers: the demo simulator, the gateway, the status monitor
        int demoPort = -1;
        if (config.demo()) {
            demoPort = startDemoRouter(app, config, routers, dataDir, clock);
        }
        RouterOsGateway gateway = app.own(new RouterOsGateway(GatewaySettings.defaults(),
                new FileCertificatePins(dataDir.resolve("router-certificates.pins"))));
        RouterMonitor monitor = app.own(new RouterMonitor(routers, gateway, clock, config.pollInterval(), Duration.ofSeconds(5),
                databases));

        // Universal State v2 and apply-confirm-merge, driven by schema.graphql (field maps, rules, redaction)
        SchemaDirectives schema = schemaReading.join();
        AuditedSecretReveals reveals = new AuditedSecretReveals(new AuditTrailEvents(new SqliteAuditLog(databases.system()), eventLog));
        ResourceKindSpecs specs = ResourceKindSpecs.defaults(); // field maps and secrets generated from schema.graphql
        var rules = new SchemaRulesAdapter(schema.validationRules()).and(new BasicSchemaRules(specs));
        // secret configuration values (@sensitive: WireGuard keys, pre-shared keys…) are sealed in router databases
        // (and every CRITICAL change is written to the warm event tier in the commit's transaction)
        SqliteResourceStore store = new SqliteResourceStore(databases, 288, new SecretFieldSealer(security.cipher(),
                (kind, field) -> specs.mapping().byDomainField(kind, field).map(FieldBinding::secret).orElse(false)),
                Optional.of(eventTiers.warm()));
        ResourceEventBus bus = new ResourceEventBus();
        // every committed change to the hot tier, drift checks and validation to the warm tier's next batch
        bus.subscribe(e -> eventLog.recordCommitted(List.of(e)));
        monitor.subscribe(new ReachabilityEvents(eventLog));
        StateApplyLedger ledger = new StateApplyLedger(store, bus, specs, clock,
                new RouterPlatforms(routers, gateway, clock, Duration.ofMinutes(10)));
        ApplyConfirmMergeService apply = new ApplyConfirmMergeService(gateway, ledger, specs, rules,
                new PreferSafeModeGuard(gateway, specs, Duration.ofSeconds(30), clock), clock);
        AdoptService adopt = new AdoptService(gateway, ledger, specs, rules, apply.locks(), clock);
        app.own(new DriftMonitor(new DriftService(gateway, ledger, specs, apply.locks(), clock), routers::findAll,
                Duration.ofMinutes(5), clock));
        // a router whose quarantined database was released gets its own configuration adopted into the fresh one
        monitor.subscribe(new ReconcileOnReconnect(apply, adopt, databases, routers, clock, report -> { }));
        monitor.start();

        // The domain's in-ports: GraphQL and the UI both enter through these
        ResourceLocator locator = app.own(new ResourceLocator(routers, store, bus));
        ResourceChanges changes = new ResourceChanges(apply, routers, store, bus, locator, Optional.of(eventLog));
        ResourceQueries queries = new ResourceQueries(routers, store, store, locator, bus, specs, gateway, clock);
        RouterRegistration registration = new RouterRegistration(routers, gateway, monitor, adopt, specs, store, clock);
        DriftResolution driftResolution = new DriftResolution(apply, ledger, gateway, specs, routers, store, locator, clock);

        // The Virtual Interface Factory: the catalog (seeded in system.db), instances and policies (router databases),
        // every install and policy through apply-confirm-merge, and the lifecycle/health checks on their own thread
        SqliteServiceInstanceStore serviceInstances = new SqliteServiceInstanceStore(databases, security.cipher());
        ServiceInstanceFeed serviceFeed = new ServiceInstanceFeed();
        serviceFeed.subscribeAll(new ServiceInstanceEvents(eventLog));
        ServiceFactory services = new ServiceFactory(new SqliteServiceCatalog(databases), serviceInstances, apply, routers,
                gateway, store, Wiring::factorySettings, serviceFeed, clock);
        RoutingPolicies policies = new RoutingPolicies(serviceInstances, new SqliteRoutingPolicyStore(databases), apply,
                routers, gateway, store, serviceFeed, clock);
        ScheduledExecutorService serviceChecks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("service-lifecycle").daemon().factory());
        app.own(serviceChecks::shutdownNow);
        ServiceLifecycle lifecycle = app.own(new ServiceLifecycle(serviceInstances, routers, gateway, serviceFeed, clock));
        lifecycle.start(serviceChecks, config.serviceCheckInterval());

        // Runtime and telemetry layers: one batched read per router every NNC_TELEMETRY_INTERVAL, spread over it
        ScheduledExecutorService telemetryPolls = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("telemetry-poller").daemon().factory());
        app.own(telemetryPolls::shutdownNow);
        RuntimePoller poller = app.own(new RuntimePoller(routers, gateway, store, eventLog, clock));
        poller.start(telemetryPolls, config.telemetryInterval());
        TelemetryQueries telemetry = new HotTelemetry(eventLog, poller, clock, Duration.ofHours(1));

        // Pull-based signed updates (issue 15): the checker polls NNC_UPDATE_URL on its own thread
        // (staged into the launcher's A/B slots; the launcher's switches and rollbacks show in its status and history)
        Updates updates = new LauncherAwareUpdates(startUpdates(app, config, dataDir, databases, routers, telemetry, installer,
                clock), installer);

        // GraphQL at /graphql (HTTP and graphql-transport-ws)
        RevealSecret secrets = new RevealSecret(locator, new Redactor(schema.sensitiveFields(), reveals, clock));
        DomainGraphQlBackend backend = new DomainGraphQlBackend(registration, queries, changes, monitor,
                security.services().apiKeys(), services, policies, eventLog, telemetry, driftResolution, clock).withSecrets(secrets).withUpdates(updates);
        graphQlBackend.complete(backend);
        GraphQlEndpoint graphQl = app.own(new GraphQlEndpoint(graphQlSchema.join(), reveals,
                token -> security.services().apiKeys().authenticate(token), security.webSocketAuth()::principal, clock,
                graphQlLimits(config), LoadLimits.defaults().following(graphQlLimits(config)), WebSocketLimits.defaults(),
                security.services().audit()));

        // User interface (internal Jetty) and the public front door
        UiServices ui = new UiServices(monitor, new DatabaseHealthCheck(databases), new UiLogin(security.services().authenticator(), security.services().sessions(),
                security.cookies().name()),
                security.services().authenticator(), security.services().users(), security.services().apiKeys(),
                security.services().sessions(), security.services().audit(), changes,
                schema.validationRules(), services, policies, registration, queries, telemetry, eventLog, updates,
                Optional.of(secrets), driftResolution);
        EmbeddedVaadin vaadin = started(vaadinStarting);
        vaadin.attach(UiScreens.table(ui, clock, java.time.ZoneId.systemDefault()));

        RequestCounter requests = new RequestCounter();
        List<Readiness> readiness = List.of(databasesReadiness(databases), routersReadiness(monitor), new EventsReadiness(eventLog));
        List<MetricsService.Gauge> gauges = List.of(
                new MetricsService.Gauge("nnc_routers_managed", "Routers under management.", () -> monitor.current().size()),
                new MetricsService.Gauge("nnc_routers_reachable", "Routers that answered the last poll.",
                        () -> monitor.current().stream().filter(RouterStatus::reachable).count()),
                new MetricsService.Gauge("nnc_router_databases_open", "Router databases open now.", databases::openRouterCount));
        FrontDoor door = new FrontDoor(new HealthService(readiness), new MetricsService(gauges, requests), requests,
                security::addFilters, graphQl::routing, graphQl.wsListeners(), vaadin.uri(), EmbeddedVaadin.SECRET_HEADER, vaadin.secret(), security.tls());
        WebServer server = startFrontDoor(door, config);
        app.own(server::stop);
        app.ports(server.port(), demoPort);
        commitWhenHealthy(app, installer, readiness);

        printWelcome(out, config, server.port(), security.tls().isPresent(), demoPort);
        return app;
    }

    /** GraphQL's limits with the request rate and burst per key from NNC_GRAPHQL_RATE and NNC_GRAPHQL_BURST. */
    static Limits graphQlLimits(ServerConfig config) {
        return Limits.defaults().withRate(config.graphQlRate(), config.graphQlBurst());
    }

    /**
     * The A/B slots the launcher keeps ({@code NNC_UPDATE_DIR}, which the launcher sets; {@code <data dir>/update}
     * otherwise). {@code NNC_LAUNCHER} says a launcher watches this process, {@code NNC_UPDATE_TRIAL} that it started
     * this version on trial. The restart ends the process with the launcher's exit code after the shutdown hook has
     * closed everything (from its own thread: the caller may be one of the threads the shutdown stops).
     */
    static FileUpdateInstaller updateInstaller(Path dataDir, Map<String, String> env) {
        Path dir = Optional.ofNullable(env.get("NNC_UPDATE_DIR")).filter(d -> !d.isBlank()).map(Path::of)
                .orElse(dataDir.resolve("update"));
        String version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("0.0.0-dev");
        return new FileUpdateInstaller(dir, version, Optional.ofNullable(env.get("NNC_UPDATE_TRIAL")),
                "1".equals(env.get("NNC_LAUNCHER")),
                () -> Thread.ofPlatform().name("update-restart").start(() -> System.exit(FileUpdateInstaller.RESTART_EXIT_CODE)));
    }

    /** A version on trial commits once its readiness (what /health/ready answers) is UP; the launcher keeps it then. */
    private static void commitWhenHealthy(Application app, FileUpdateInstaller installer, List<Readiness> readiness) {
        if (!installer.onTrial()) return;
        ScheduledExecutorService trial = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("update-trial").daemon().factory());
        app.own(trial::shutdownNow);
        app.own(new CommitWhenHealthy(installer, () -> readiness.stream().allMatch(r -> r.check().up())))
                .start(trial, Duration.ofSeconds(1));
    }

    /** The event log and the warm tier the resource store writes CRITICAL changes to in their transactions. */
    record EventTiers(TieredEventLog log, SqliteWarmEventTier warm) {
    }

    static final Duration EVENTS_FLUSH = Duration.ofSeconds(5);
    static final Duration EVENTS_PRUNE = Duration.ofMinutes(10);
    static final Duration EVENTS_RETRAIN = Duration.ofHours(6);

    /**
     * The three event tiers: hot in {@code NNC_EVENTS_HOT_DIR} (tmpfs; the data directory as a fallback, shown in
     * health), warm in the router databases, cold in {@code NNC_EVENTS_COLD_DIR} when set. One background thread
     * writes NORMAL batches every 5 seconds, archives warm events older than the shortest warm retention to the cold
     * tier (when there is one) and then applies the retention, and retrains the compression dictionaries. On
     * shutdown the batches are written and the hot tier is closed before the databases. Nothing here runs on an
     * apply's thread: the hot tier queues, the warm batch is in memory.
     */
    private static EventTiers startEventTiers(Application app, ServerConfig config, Path dataDir, DatabaseManager databases, Clock clock) {
        HotTierLocation where = HotTierLocation.choose(config.eventsHotDir(), Path.of("/dev/shm"), dataDir);
        SqliteHotEventTier hot;
        try {
            hot = SqliteHotEventTier.open(where, SqliteHotEventTier.Settings.defaults());
        } catch (RuntimeException e) {
            throw new StartupException("the hot event tier cannot be opened in " + where.directory() + " (" + e.getMessage()
                    + "); set NNC_EVENTS_HOT_DIR to a writable directory", e);
        }
        app.own(hot);
        SqliteWarmEventTier warm = new SqliteWarmEventTier(databases, clock);
        ColdEventTier cold = config.eventsColdDir().<ColdEventTier>map(d -> new FileColdEventTier(d.toAbsolutePath().normalize()))
                .orElse(ColdEventTier.NONE);
        TieredEventLog log = new TieredEventLog(clock, hot, warm, cold, config.eventRetention());
        ScheduledExecutorService tiers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-tiers").daemon().factory());
        app.own(() -> {
            tiers.shutdownNow();
            try {
                tiers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.flush();
        });
        Optional<Duration> archiveAfter = shortestWarmRetention(config.eventRetention());
        tiers.scheduleWithFixedDelay(quietly("write the NORMAL event batch", warm::flush), EVENTS_FLUSH.toSeconds(), EVENTS_FLUSH.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
        tiers.scheduleWithFixedDelay(quietly("archive and prune events", () -> {
            if (archiveAfter.isPresent() && cold.status().enabled() && cold.status().degraded().isEmpty()) log.archive(archiveAfter.get());
            log.prune();
        }), 60, EVENTS_PRUNE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        tiers.scheduleWithFixedDelay(quietly("retrain the event dictionaries", warm::retrainAll), EVENTS_RETRAIN.toSeconds(),
                EVENTS_RETRAIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        return new EventTiers(log, warm);
    }

    /**
     * The update checker: what it accepted and its history in {@code <data dir>/updates}, the repository over HTTP
     * (30 s to connect and answer, 60 s without data is a stall), this device's id for its rollout bucket, and the
     * launcher's A/B slots ({@link #updateInstaller}) to stage into. Without
     * NNC_UPDATE_URL it only reports that no repository is configured.
     */
    private static UpdateChecker startUpdates(Application app, ServerConfig config, Path dataDir, DatabaseManager databases,
                                              SqliteRouterRepository routers, TelemetryQueries telemetry,
                                              UpdateInstaller installer, Clock clock) {
        UpdateConfig u = config.updates();
        Path dir = dataDir.resolve("updates");
        AcceptedMetadata accepted = u.rootKey().isPresent() ? new FileAcceptedMetadata(dir.resolve("trusted")) : new AcceptedMetadata() {
            // no trusted key configured: nothing is ever accepted, so nothing is kept
            public Optional<byte[]> load(String role) {
                return Optional.empty();
            }

            public void save(String role, byte[] bytes) {
            }
        };
        java.security.PublicKey anchor = u.rootKey().orElseGet(() -> UpdateKeys.generate().getPublic());
        UpdateRepository repository = u.url().<UpdateRepository>map(url -> app.own(new HttpUpdateRepository(url, Duration.ofSeconds(30),
                Duration.ofSeconds(60)))).orElse(new UpdateRepository() {
            public Optional<byte[]> fetch(String name, long maxBytes) throws IOException {
                throw new IOException("no update repository is configured (NNC_UPDATE_URL)");
            }

            public void download(String name, long length, Path target) throws IOException {
                throw new IOException("no update repository is configured (NNC_UPDATE_URL)");
            }
        });
        TrafficWatch traffic = new TelemetryTrafficWatch(telemetry, () -> {
            Map<RouterId, String> names = new LinkedHashMap<>();
            routers.findAll().forEach(r -> names.put(r.id(), r.name()));
            return names;
        }, u.metered(), u.busyInterfaces(), u.busyMbps() * 1_000_000.0, Duration.ofMinutes(5));
        UpdateChecker checker = app.own(new UpdateChecker(u.settings(dir.resolve("downloads"), java.time.ZoneId.systemDefault()),
                new TrustChain(anchor, accepted), repository, installer,
                new FileUpdateHistory(dir.resolve("history.jsonl")),
                new SqliteServiceCatalogUpdate(databases, new SqliteServiceCatalog(databases)), accepted, traffic, deviceId(dir), clock,
                new SecureRandom()));
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("update-checker").daemon().factory());
        app.own(checks::shutdownNow);
        checker.start(checks);
        return checker;
    }

    /** A random id made once and kept in {@code <data dir>/updates/device-id} (only its rollout bucket is used). */
    static String deviceId(Path dir) {
        Path file = dir.resolve("device-id");
        try {
            if (Files.isRegularFile(file)) return Files.readString(file).strip();
            com.nasnetconnect.storage.db.OwnerOnly.directory(dir); // the data directory's rule: 0700 directories, 0600 files
            com.nasnetconnect.storage.db.OwnerOnly.file(file);
            String id = java.util.UUID.randomUUID().toString();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new StartupException("the device id in " + file + " cannot be read or written: " + e.getMessage(), e);
        }
    }

    /** The cold tier takes warm events older than this: the shortest warm retention of any class or type. */
    static Optional<Duration> shortestWarmRetention(EventRetention retention) {
        return java.util.stream.Stream.concat(retention.byClass().values().stream(), retention.byType().values().stream())
                .map(EventRetention.Keep::warm).filter(d -> !d.isZero()).min(Duration::compareTo);
    }

    private static Runnable quietly(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger(Wiring.class.getName()).log(System.Logger.Level.WARNING, "event tiers: could not " + what, e);
            }
        };
    }

    /**
     * Each router's factory settings: the defaults (VLAN pool 101-199, subnets 10.99.N.0/24, VLANs on the LAN
     * bridge {@code bridge}); the demo router has no bridge in its factory state, so its instance VLANs go on
     * {@code ether2}, and a newcomer can install Tor there at once.
     */
    static FactorySettings factorySettings(RouterId router) {
        return router.value().equals(DEMO_ROUTER_ID) ? FactorySettings.defaults().withVlanParent(DEMO_VLAN_PARENT)
                : FactorySettings.defaults();
    }

    /** Creates the data directory if needed and proves it writable, or fails with one line. */
    static Path prepareDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
            return dir.toAbsolutePath().normalize();
        } catch (IOException | SecurityException e) {
            throw new StartupException("data directory " + dir.toAbsolutePath() + " is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); set NNC_DATA_DIR", e);
        }
    }

    /**
     * Starts the embedded simulated router (its state kept in the data directory) and registers it, once, with a
     * random password that lives only sealed in system.db.
     */
    private static int startDemoRouter(Application app, ServerConfig config, SqliteRouterRepository routers,
                                       Path dataDir, Clock clock) {
        RouterId id = new RouterId(DEMO_ROUTER_ID);
        Optional<Router> existing = routers.find(id);
        Secret password = existing.map(r -> r.endpoint().password()).orElseGet(Wiring::randomPassword);
        RouterOsSimulator sim = RouterOsSimulator.builder()
                .version(config.demoVersion())
                .credentials(DEMO_USER, password.reveal())
                .apiPort(config.demoApiPort())
                .tlsPort(-1)
                .bindAddress("127.0.0.1")
                .identity("nnc-demo")
                .stateFile(dataDir.resolve("demo-router.json"))
                .build();
        try {
            sim.start();
        } catch (Exception e) {
            throw bindProblem(e, "demo router API port " + config.demoApiPort(), "NNC_DEMO_API_PORT (or NNC_DEMO=false)");
        }
        app.own(sim);
        RouterEndpoint endpoint = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, DEMO_USER, password);
        if (existing.isEmpty() || !existing.get().endpoint().equals(endpoint)
                || existing.get().endpoint().port() != sim.apiPort()) {
            routers.save(new Router(id, "Demo router", endpoint, true,
                    existing.map(Router::addedAt).orElse(clock.instant())));
        }
        return sim.apiPort();
    }

    private static Secret randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    private static EmbeddedVaadin startVaadin() {
        try {
            EmbeddedVaadin vaadin = new EmbeddedVaadin();
            vaadin.start();
            return vaadin;
        } catch (Exception e) {
            throw new StartupException("the user interface could not start: " + e.getMessage(), e);
        }
    }

    private static EmbeddedVaadin started(CompletableFuture<EmbeddedVaadin> starting) {
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof StartupException s) throw s;
            throw new StartupException("the user interface could not start: " + e.getCause(), e.getCause());
        }
    }

    private static void closeQuietly(EmbeddedVaadin vaadin) {
        try {
            vaadin.close();
        } catch (Exception ignored) {
            // shutting down: nothing more to do for a UI server that will not stop cleanly
        }
    }

    private static WebServer startFrontDoor(FrontDoor door, ServerConfig config) {
        WebServer server;
        try {
            server = door.start(config.bindAddress(), config.port());
        } catch (RuntimeException e) {
            throw bindProblem(e, "port " + config.port() + " on " + config.bindAddress(), "NNC_PORT");
        }
        if (!server.isRunning() || server.port() < 0) {
            server.stop();
            throw new StartupException("port " + config.port() + " on " + config.bindAddress()
                    + " could not be opened (in use, or not allowed); choose another with NNC_PORT", null);
        }
        return server;
    }

    /** Binds and releases the port, so a port in use is reported in one line before anything starts. */
    static void requireFreePort(String host, int port, String setting) {
        if (port == 0) return;
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupException("port " + port + " on " + host + " is already in use or not allowed ("
                    + e.getMessage() + "); choose another with " + setting, e);
        }
    }

    private static RuntimeException bindProblem(Exception e, String what, String setting) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new StartupException(what + " is already in use or not allowed (" + t.getMessage() + "); choose another with " + setting, e);
            }
        }
        return new StartupException(what + " could not be opened: " + e.getMessage(), e);
    }

    private static Readiness databasesReadiness(DatabaseManager databases) {
        return new DatabasesReadiness(new DatabaseHealthCheck(databases));
    }

    private static Readiness routersReadiness(RouterMonitor monitor) {
        return new Readiness() {
            public String name() {
                return "routers";
            }

            public Check check() {
                Map<String, Object> d = new LinkedHashMap<>();
                for (RouterStatus s : monitor.current()) {
                    d.put(s.routerId().value(), s.reachable() ? "reachable" + s.problem().map(p -> "; " + p).orElse("")
                            : "unreachable: " + s.problem().orElse("?"));
                }
                // An unreachable router is reported, but does not make the server unready.
                return new Check(true, d);
            }
        };
    }

    /** The admin password may come from the config file too; security reads it under its variable name. */
    private static Map<String, String> withConfiguredAdminPassword(Map<String, String> env, ServerConfig config) {
        if (config.adminPassword().isEmpty() || config.adminPassword().get().isEmpty()) return env;
        Map<String, String> merged = new java.util.HashMap<>(env);
        merged.put("NNC_ADMIN_PASSWORD", config.adminPassword().get().reveal());
        return merged;
    }

    private static SecurityWiring createSecurity(DatabaseManager databases, Path dataDir, Map<String, String> env,
                                                 Clock clock, PrintStream out,
                                                 java.util.function.UnaryOperator<com.nasnetconnect.domain.security.AuditLog> audit) {
        try {
            return SecurityWiring.create(databases.system(), dataDir, env, clock, out, audit);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static void printWelcome(PrintStream out, ServerConfig config, int port, boolean https, int demoPort) {
        String host = config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress();
        out.println();
        out.println("NasNetConnect is ready: " + (https ? "https" : "http") + "://" + host + ":" + port + "/");
        if (demoPort > 0) {
            out.println("  Demo router: simulated RouterOS " + config.demoVersion() + " API on 127.0.0.1:" + demoPort
                    + " (turn off with NNC_DEMO=false)");
        }
        out.println("  Data directory: " + config.dataDir().toAbsolutePath().normalize());
        out.flush();
    }
}
