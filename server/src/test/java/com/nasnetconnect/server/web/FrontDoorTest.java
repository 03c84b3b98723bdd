package com.nasnetconnect.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.server.vaadin.EmbeddedVaadin;
import com.nasnetconnect.server.vaadin.UiScreens;
import com.nasnetconnect.server.vaadin.UiServices;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FrontDoorTest {
    static EmbeddedVaadin vaadin;
    static WebServer server;
    static HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static String base;
    static com.nasnetconnect.storage.db.DatabaseManager databases;

    /** A feed with no routers: this test is about the HTTP plumbing, not router status. */
    static final RouterStatusFeed NO_ROUTERS = new RouterStatusFeed() {
        public List<RouterStatus> current() { return List.of(); }
        public AutoCloseable subscribe(Consumer<List<RouterStatus>> l) { l.accept(List.of()); return () -> { }; }
        public void refreshNow() { }
    };

    static final String REFUSAL = "{\"errors\":[{\"message\":\"refused\"}]}";
    /** Stands in for the security module's AuthFilter: protected paths need "Bearer good-key". */
    static final io.helidon.webserver.http.Filter BEARER_GOOD_KEY = (chain, req, res) -> {
        String path = req.path().path();
        boolean open = path.equals("/health") || !(path.startsWith("/metrics") || path.startsWith("/health/"));
        if (open || req.headers().first(io.helidon.http.HeaderNames.AUTHORIZATION).orElse("").equals("Bearer good-key")) {
            chain.proceed();
        } else {
            res.status(401).send(REFUSAL);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        databases = new com.nasnetconnect.storage.db.DatabaseManager(java.nio.file.Files.createTempDirectory("nnc-frontdoor"),
                com.nasnetconnect.storage.db.DatabaseSettings.defaults(), java.time.Clock.systemUTC());
        var security = com.nasnetconnect.storage.security.SqliteSecurity.services(databases.system(), java.time.Clock.systemUTC());
        vaadin = new EmbeddedVaadin(UiScreens.table(new UiServices(NO_ROUTERS, new com.nasnetconnect.domain.state.DatabaseHealthCheck(databases), new com.nasnetconnect.ui.login.LoginHandler() {
            public Optional<SignedIn> login(String u, com.nasnetconnect.domain.common.Secret p, String s) { return Optional.empty(); }
            public Optional<SignedIn> changePassword(String u, com.nasnetconnect.domain.common.Secret c, com.nasnetconnect.domain.common.Secret n, String s) { return Optional.empty(); }
            public Optional<com.nasnetconnect.domain.security.Principal> resume(com.nasnetconnect.domain.common.Secret t) { return Optional.empty(); }
            public void logout(com.nasnetconnect.domain.common.Secret t) { }
        }, security.authenticator(), security.users(), security.apiKeys(), security.sessions(), security.audit(),
                resourceChanges(databases), new com.nasnetconnect.domain.schema.ValidationRules(java.util.Map.of(), java.util.Map.of()),
                services, policies, registration, queries, telemetry, EVENT_LOG, NO_UPDATES, drift), java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC));
        vaadin.start();
        RequestCounter counter = new RequestCounter();
        FrontDoor door = new FrontDoor(new HealthService(List.of()),
                new MetricsService(List.of(new MetricsService.Gauge("nnc_routers_managed", "Routers.", () -> 0)), counter),
                counter, r -> r.addFilter(BEARER_GOOD_KEY), null, null, vaadin.uri(), EmbeddedVaadin.SECRET_HEADER,
                vaadin.secret(), Optional.empty());
        server = door.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** Updates that were never checked (this test does not open the Updates page). */
    static final com.nasnetconnect.domain.update.Updates NO_UPDATES = new com.nasnetconnect.domain.update.Updates() {
        final com.nasnetconnect.domain.update.UpdateStatus idle = new com.nasnetconnect.domain.update.UpdateStatus("0.0.0-dev",
                Optional.empty(), com.nasnetconnect.domain.update.UpdateState.IDLE, "", Optional.empty(), Optional.empty(), Optional.empty(),
                new com.nasnetconnect.domain.update.UpdateSchedule(java.time.Duration.ofHours(6), java.time.LocalTime.of(2, 0),
                        java.time.LocalTime.of(6, 0), com.nasnetconnect.domain.update.UpdatePolicy.NEVER, List.of(), 0));
        public com.nasnetconnect.domain.update.UpdateStatus status(com.nasnetconnect.domain.security.Principal who) { return idle; }
        public com.nasnetconnect.domain.update.UpdateStatus checkNow(com.nasnetconnect.domain.security.Principal who) { return idle; }
        public com.nasnetconnect.domain.update.UpdateStatus apply(com.nasnetconnect.domain.security.Principal who, String v) { return idle; }
        public List<com.nasnetconnect.domain.update.UpdateRecord> history(com.nasnetconnect.domain.security.Principal who, int max) { return List.of(); }
        public AutoCloseable follow(com.nasnetconnect.domain.security.Principal who,
                                    java.util.function.Consumer<com.nasnetconnect.domain.update.UpdateStatus> l) { return () -> { }; }
    };

    /** The real resource in-port; this test never reaches a router through it. */
    static com.nasnetconnect.domain.apply.ResourceChanges resourceChanges(com.nasnetconnect.storage.db.DatabaseManager databases) {
        var clock = java.time.Clock.systemUTC();
        var specs = com.nasnetconnect.domain.apply.ResourceKindSpecs.defaults();
        var store = new com.nasnetconnect.storage.state.SqliteResourceStore(databases);
        gateway = new com.nasnetconnect.routeros.api.RouterOsGateway(com.nasnetconnect.routeros.api.GatewaySettings.defaults(),
                new com.nasnetconnect.routeros.api.FileCertificatePins(databases.dataDir().resolve("pins")));
        var bus = new com.nasnetconnect.domain.events.ResourceEventBus();
        var apply = new com.nasnetconnect.domain.apply.ApplyConfirmMergeService(gateway,
                new com.nasnetconnect.domain.apply.StateApplyLedger(store, bus, specs, clock),
                specs, new com.nasnetconnect.domain.apply.BasicSchemaRules(specs), com.nasnetconnect.domain.apply.LinkLossGuard.NONE, clock);
        var routers = new com.nasnetconnect.storage.router.SqliteRouterRepository(databases,
                com.nasnetconnect.storage.security.AesGcmSecretCipher.ofKey(new byte[32]), clock);
        // the Services page's in-ports over the same parts (read by the UiServices built right after this call)
        var instances = new com.nasnetconnect.storage.factory.SqliteServiceInstanceStore(databases,
                com.nasnetconnect.storage.security.AesGcmSecretCipher.ofKey(new byte[32]));
        var feed = new com.nasnetconnect.domain.factory.ServiceInstanceFeed();
        services = new com.nasnetconnect.domain.factory.ServiceFactory(new com.nasnetconnect.storage.factory.SqliteServiceCatalog(databases),
                instances, apply, routers, gateway, store, id -> com.nasnetconnect.domain.factory.FactorySettings.defaults(), feed, clock);
        policies = new com.nasnetconnect.domain.factory.RoutingPolicies(instances,
                new com.nasnetconnect.storage.factory.SqliteRoutingPolicyStore(databases), apply, routers, gateway, store, feed, clock);
        // the router workspace's read in-ports over the same parts; the event log and telemetry are the real ones
        var eventLog = new com.nasnetconnect.domain.events.TieredEventLog(clock,
                HOT = new com.nasnetconnect.storage.events.SqliteHotEventTier(databases.dataDir().resolve("hot"), java.util.Optional.empty(),
                        com.nasnetconnect.storage.events.SqliteHotEventTier.Settings.defaults()),
                new com.nasnetconnect.storage.events.SqliteWarmEventTier(databases, clock), com.nasnetconnect.domain.events.ColdEventTier.NONE,
                com.nasnetconnect.domain.events.EventRetention.defaults());
        EVENT_LOG = eventLog;
        registration = new com.nasnetconnect.domain.apply.RouterRegistration(routers, gateway, NO_ROUTERS,
                new com.nasnetconnect.domain.apply.AdoptService(gateway, new com.nasnetconnect.domain.apply.StateApplyLedger(store, bus, specs, clock),
                        specs, new com.nasnetconnect.domain.apply.BasicSchemaRules(specs), clock), specs, store, clock);
        queries = new com.nasnetconnect.domain.apply.ResourceQueries(routers, store, store,
                new com.nasnetconnect.domain.apply.ResourceLocator(routers, store, bus), bus);
        telemetry = new com.nasnetconnect.domain.telemetry.HotTelemetry(eventLog,
                new com.nasnetconnect.domain.telemetry.RuntimePoller(routers, gateway, store, eventLog, clock), clock, java.time.Duration.ofHours(1));
        drift = new com.nasnetconnect.domain.apply.DriftResolution(apply, new com.nasnetconnect.domain.apply.StateApplyLedger(store, bus, specs, clock),
                gateway, specs, routers, store, new com.nasnetconnect.domain.apply.ResourceLocator(routers, store, bus), clock);
        return new com.nasnetconnect.domain.apply.ResourceChanges(apply, routers, store, bus);
    }

    static com.nasnetconnect.routeros.api.RouterOsGateway gateway;
    static com.nasnetconnect.domain.factory.ServiceFactory services;
    static com.nasnetconnect.domain.factory.RoutingPolicies policies;
    static com.nasnetconnect.domain.apply.RouterRegistration registration;
    static com.nasnetconnect.domain.apply.ResourceQueries queries;
    static com.nasnetconnect.domain.telemetry.TelemetryQueries telemetry;
    static com.nasnetconnect.domain.events.TieredEventLog EVENT_LOG;
    static com.nasnetconnect.domain.apply.DriftResolution drift;
    static com.nasnetconnect.storage.events.SqliteHotEventTier HOT;

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.stop();
        if (vaadin != null) vaadin.close();
        if (gateway != null) gateway.close();
        if (HOT != null) HOT.close();
        if (databases != null) databases.close();
    }

    static HttpResponse<String> get(String uri, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(uri)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheVaadinPageThroughTheFrontDoor() throws Exception {
        var res = get(base + "/login");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("<html").contains("manifest.webmanifest").contains("serviceWorker");
    }

    @Test
    void internalPortRefusesRequestsThatSkippedTheFrontDoor() throws Exception {
        assertThat(get(vaadin.uri() + "/login").statusCode()).isEqualTo(403);
        assertThat(get(vaadin.uri() + "/login", EmbeddedVaadin.SECRET_HEADER, "guess").statusCode()).isEqualTo(403);
    }

    @Test
    void vaadinSessionCookieIsStrictHttpOnlyForTheWholeSiteAndNotSecureOverPlainHttp() throws Exception {
        String cookie = sessionCookie(get(base + "/login"));
        assertThat(attributes(cookie)).contains("httponly", "samesite=strict", "path=/").doesNotContain("secure");
    }

    @Test
    void vaadinSessionCookieIsSecureWhenTheFrontDoorServedHttps() throws Exception {
        // The front door tells Jetty the public scheme (X-Forwarded-Proto: https under TLS).
        String cookie = sessionCookie(get(vaadin.uri() + "/login", EmbeddedVaadin.SECRET_HEADER, vaadin.secret(),
                "X-Forwarded-Proto", "https"));
        assertThat(attributes(cookie)).contains("httponly", "samesite=strict", "path=/", "secure");
    }

    /** The NNCSESSION Set-Cookie header of a response (Vaadin opens an HTTP session on its first page). */
    static String sessionCookie(HttpResponse<String> res) {
        return res.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("NNCSESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no NNCSESSION cookie in " + res.headers().map()));
    }

    /** A cookie's attributes (after name=value), lower case, without spaces. */
    static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1)
                .map(a -> a.strip().replace(" ", "").toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void livenessIsOpenAndRevealsNothing() throws Exception {
        var res = get(base + "/health");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessAndMetricsNeedAnApiKey() throws Exception {
        assertThat(get(base + "/health/ready").statusCode()).isEqualTo(401);
        assertThat(get(base + "/metrics").statusCode()).isEqualTo(401);
        assertThat(get(base + "/metrics", "Authorization", "Bearer wrong").body()).isEqualTo(REFUSAL);
        var metrics = get(base + "/metrics", "Authorization", "Bearer good-key");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body()).contains("# TYPE nnc_routers_managed gauge").contains("nnc_routers_managed 0")
                .contains("nnc_http_requests_total{status=\"2xx\"}");
    }

    @Test
    void servesTheWebManifestAndServiceWorker() throws Exception {
        var manifest = get(base + "/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("\"display\": \"standalone\"").contains("maskable");
        var sw = get(base + "/sw.js");
        assertThat(sw.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(sw.body()).contains("offline.html");
    }

    @Test
    void aPageLoadOfAnAddressThatNamesNoScreenIsAnswered404AndAKnownOne200() throws Exception {
        assertThat(get(base + "/no/such/page", "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(get(base + "/no/such/page").statusCode()).as("whatever the client accepts").isEqualTo(404);
        assertThat(get(base + "/login", "Accept", "text/html").statusCode()).isEqualTo(200);
        assertThat(get(base + "/admin/users", "Accept", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void robotsTxtAsksEveryCrawlerToStayOutWithoutSigningIn() throws Exception {
        var robots = get(base + "/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(robots.body().lines().toList()).containsSubsequence("User-agent: *", "Disallow: /");
        assertThat(robots.body()).doesNotContain("<html");
    }

    @Test
    void servesAFaviconWithoutSigningIn() throws Exception {
        var icon = http.send(HttpRequest.newBuilder(URI.create(base + "/favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("content-type")).contains("image/x-icon");
        assertThat(icon.body()).as("an ICO file: reserved 0, type 1").startsWith(0, 0, 1, 0);
    }

    @Test
    void robotsAndFaviconAreOutsideTheAuthenticatedPaths() {
        assertThat(com.nasnetconnect.server.auth.AuthFilter.protectedByDefault("/robots.txt")).isFalse();
        assertThat(com.nasnetconnect.server.auth.AuthFilter.protectedByDefault("/favicon.ico")).isFalse();
    }

    @Test
    void forwardsStaticVaadinResourcesWithTheirHeaders() throws Exception {
        var page = get(base + "/login");
        var script = java.util.regex.Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(script.find()).as("bundle script in page: " + page.body()).isTrue();
        var js = get(base + "/" + script.group(1));
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body().length()).isGreaterThan(1000);
        assertThat(Map.of("ct", js.headers().firstValue("content-type").orElse(""))).extractingByKey("ct").asString().contains("javascript");
    }
}
