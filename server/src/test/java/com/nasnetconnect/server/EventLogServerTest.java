package com.nasnetconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.server.cli.ApiKeyCommand;
import com.nasnetconnect.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log of the running server: the whole composition root (Helidon, GraphQL over HTTP, SQLite tiers in a
 * temporary hot directory and the data directory, the demo router simulated over TCP), as a user meets it.
 */
class EventLogServerTest {
    private static final ObjectMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path root;
    private static Application app;
    private static String admin;
    private static String viewer;

    @BeforeAll
    static void startServer() {
        Path data = root.resolve("data");
        app = start(data, root.resolve("hot"));
        admin = apiKey(data, "events-admin", "admin");
        viewer = apiKey(data, "events-viewer", "viewer");
    }

    @AfterAll
    static void stopServer() {
        if (app != null) app.close();
    }

    @Test
    void vlanCreatedThroughGraphQlIsACriticalEventNamingTheVlan() {
        createVlan(app, admin, "guests", 42);

        JsonNode event = awaitEvent(app, admin, "routerId: \"demo\", classes: [CRITICAL], types: [\"resource.created\"]",
                e -> e.path("summary").asString().contains("'guests'"));

        assertThat(event.path("class").asString()).isEqualTo("CRITICAL");
        assertThat(event.path("routerId").asString()).isEqualTo("demo");
        assertThat(event.path("tier").asString()).isIn("HOT", "WARM");
        assertThat(event.path("summary").asString()).startsWith("VLAN 'guests' created");
        assertThat(event.path("data").path("name").asString()).isEqualTo("guests");
    }

    @Test
    void eventLogIsNewestFirstAndPagedWithoutOverlap() {
        createVlan(app, admin, "paged-a", 43);
        createVlan(app, admin, "paged-b", 44);
        awaitEvent(app, admin, "types: [\"resource.created\"]", e -> e.path("summary").asString().contains("'paged-b'"));

        JsonNode first = eventLog(app, admin, "first: 3");
        JsonNode second = eventLog(app, admin, "first: 3, after: \"" + first.path("pageInfo").path("endCursor").asString() + "\"");

        var ids = new ArrayList<String>();
        var times = new ArrayList<Instant>();
        for (JsonNode page : List.of(first, second)) {
            for (JsonNode n : page.path("nodes")) {
                ids.add(n.path("id").asString());
                times.add(Instant.parse(n.path("at").asString()));
            }
        }
        assertThat(first.path("nodes")).hasSize(3);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(first.path("edges").get(2).path("cursor").asString()).isEqualTo(first.path("pageInfo").path("endCursor").asString());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void classTypeAndTimeFiltersNarrowTheLog() {
        createVlan(app, admin, "filtered", 45);
        awaitEvent(app, admin, "types: [\"resource.created\"]", e -> e.path("summary").asString().contains("'filtered'"));

        JsonNode critical = eventLog(app, admin, "classes: [CRITICAL], first: 100").path("nodes");
        JsonNode created = eventLog(app, admin, "types: [\"resource.created\"], first: 100").path("nodes");
        String future = Instant.now().plus(Duration.ofHours(1)).toString();
        String past = Instant.now().minus(Duration.ofDays(1)).toString();

        assertThat(critical).isNotEmpty().allSatisfy(n -> assertThat(n.path("class").asString()).isEqualTo("CRITICAL"));
        assertThat(created).isNotEmpty().allSatisfy(n -> assertThat(n.path("type").asString()).isEqualTo("resource.created"));
        assertThat(eventLog(app, admin, "since: \"" + future + "\"").path("nodes")).isEmpty();
        assertThat(eventLog(app, admin, "until: \"" + past + "\"").path("nodes")).isEmpty();
        assertThat(eventLog(app, admin, "since: \"" + past + "\", until: \"" + future + "\", types: [\"resource.created\"]")
                .path("nodes")).isNotEmpty();
    }

    @Test
    void aDriftCheckIsANormalEventNamingTheResource() {
        createVlan(app, admin, "drifting", 49);

        JsonNode checked = graphQl(app, admin, "mutation { checkDrift(routerId: \"demo\") { checked userErrors { message } } }");
        assertThat(checked.path("data").path("checkDrift").path("checked").asInt()).as(checked.toString()).isPositive();

        JsonNode event = awaitEvent(app, admin, "routerId: \"demo\", types: [\"resource.drift-checked\"]",
                e -> e.path("summary").asString().contains("'drifting'"));
        assertThat(event.path("class").asString()).isEqualTo("NORMAL");
    }

    @Test
    void aValidationRefusalIsANormalEventNamingTheResourceAndFieldButNotTheValue() {
        JsonNode refused = graphQl(app, admin, "mutation { createVlan(routerId: \"demo\", input: {name: \"clash\", vlanId: 42,"
                + " interface: \"no-such-interface\"}) { userErrors { field message } } }");
        assertThat(refused.path("data").path("createVlan").path("userErrors")).as(refused.toString()).isNotEmpty();

        JsonNode event = awaitEvent(app, admin, "routerId: \"demo\", types: [\"resource.validation-refused\"]",
                e -> e.path("summary").asString().contains("'clash'"));

        assertThat(event.path("class").asString()).isEqualTo("NORMAL");
        assertThat(event.path("summary").asString()).contains("Demo router").contains("refused by validation");
    }

    @Test
    void aChangeRefusedToAViewerIsACriticalAuthEventNamingTheViewer() {
        JsonNode refused = graphQl(app, viewer, "mutation { createVlan(routerId: \"demo\", input: {name: \"nope\", vlanId: 46, interface: \"ether2\"}) { userErrors { message } } }");
        assertThat(refused.path("errors").toString()).contains("FORBIDDEN");

        JsonNode event = awaitEvent(app, admin, "classes: [CRITICAL], types: [\"auth.access-denied\"]",
                e -> e.path("actor").asString().contains("events-viewer"));

        assertThat(event.has("routerId") && !event.path("routerId").isNull()).isFalse();
        assertThat(event.path("summary").asString()).contains("events-viewer").contains("refused");
    }

    @Test
    void aServiceStateChangeIsANormalEventNamingTheService() {
        JsonNode installed = graphQl(app, admin, "mutation { installService(routerId: \"demo\", input: {template: \"tor\", name: \"evt\","
                + " options: [{key: \"exitCountry\", value: \"de\"}]}) { instance { id } userErrors { message } } }");
        assertThat(installed.path("data").path("installService").path("userErrors")).isEmpty();

        JsonNode install = awaitEvent(app, admin, "routerId: \"demo\", types: [\"service.installed\"]",
                e -> e.path("summary").asString().contains("'evt'"));
        JsonNode state = awaitEvent(app, admin, "routerId: \"demo\", classes: [NORMAL], types: [\"service.state\"]",
                e -> e.path("summary").asString().contains("'evt'"));

        assertThat(install.path("class").asString()).isEqualTo("CRITICAL");
        assertThat(state.path("class").asString()).isEqualTo("NORMAL");
        assertThat(state.path("data").path("name").asString()).isEqualTo("evt");
    }

    @Test
    void sensitiveValuesNeverReachTheEventLog() {
        String privateKey = "cFJvdGVjdGVkS2V5Rm9yVGhlRXZlbnRMb2dUZXN0MTI=";
        JsonNode created = graphQl(app, admin, "mutation { createWireguardInterface(routerId: \"demo\", input: {name: \"wg-evt\","
                + " listenPort: 13231, privateKey: \"" + privateKey + "\"}) { userErrors { message } } }");
        assertThat(created.path("data").path("createWireguardInterface").path("userErrors")).isEmpty();

        awaitEvent(app, admin, "types: [\"resource.created\"]", e -> e.path("summary").asString().contains("'wg-evt'"));
        String everything = eventLog(app, admin, "first: 100").toString();

        assertThat(everything).contains("wg-evt").doesNotContain(privateKey);
    }

    @Test
    void eventStorageNumbersMoveAsEventsAreWritten() {
        String query = "{ eventStorage { hot { path events bytes } warm { events bytes } cold { enabled path bytes } } }";
        JsonNode before = graphQl(app, admin, query).path("data").path("eventStorage");

        createVlan(app, admin, "counted", 47);
        JsonNode after = await(() -> graphQl(app, admin, query).path("data").path("eventStorage"),
                s -> s.path("hot").path("events").asLong() > before.path("hot").path("events").asLong()
                        && s.path("warm").path("events").asLong() > before.path("warm").path("events").asLong());

        assertThat(after.path("hot").path("path").asString()).isEqualTo(root.resolve("hot").toAbsolutePath().normalize().toString());
        assertThat(after.path("hot").path("bytes").asDouble()).isPositive();
        assertThat(after.path("warm").path("bytes").asDouble()).isPositive();
        assertThat(after.path("cold").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void aViewerCanReadTheEventLogAndNoCredentialGets401() throws Exception {
        assertThat(graphQl(app, viewer, "{ eventLog(first: 5) { nodes { id } } eventStorage { hot { events } } }").path("errors").isMissingNode())
                .isTrue();

        HttpResponse<String> anonymous = post(app, null, "{ eventLog { nodes { id } } }");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("nodes");
    }

    @Test
    void healthShowsTheEventTiers() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health/ready"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode events = JSON.readTree(ready.body()).path("checks").path("events");

        assertThat(events.path("status").asString()).isEqualTo("UP");
        assertThat(events.path("hotPath").asString()).isEqualTo(root.resolve("hot").toAbsolutePath().normalize().toString());
        assertThat(events.path("cold").asString()).isEqualTo("not configured");
        assertThat(events.has("hotDroppedLow")).isTrue();
    }

    /**
     * Power loss: the first server stops, its hot tier is wiped (tmpfs after a reboot), a second server starts on
     * the same data directory: every CRITICAL event still answers, now from the warm tier, and the hot tier starts
     * empty of them; the databases are healthy.
     */
    @Test
    void criticalEventsSurviveAWipedHotTierAndTheNextServerStartsWithAnEmptyOne(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path hot = dir.resolve("hot");
        Application first = start(data, hot);
        String key = apiKey(data, "power-loss", "admin");
        try {
            createVlan(first, key, "survivor", 48);
            awaitEvent(first, key, "types: [\"resource.created\"]", e -> e.path("summary").asString().contains("'survivor'"));
        } finally {
            first.close();
        }
        try (Stream<Path> files = Files.walk(hot)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }

        Application second = start(data, hot);
        try {
            JsonNode critical = eventLog(second, key, "classes: [CRITICAL], first: 300").path("nodes");
            List<String> summaries = new ArrayList<>();
            critical.forEach(n -> summaries.add(n.path("summary").asString()));
            JsonNode survivor = null;
            for (JsonNode n : critical) if (n.path("summary").asString().contains("'survivor'")) survivor = n;

            assertThat(survivor).as("CRITICAL events after the wipe: %s", summaries).isNotNull();
            assertThat(survivor.path("tier").asString()).isEqualTo("WARM");
            List<String> hotSurvivors = new ArrayList<>();
            critical.forEach(n -> {
                if (n.path("summary").asString().contains("'survivor'") && n.path("tier").asString().equals("HOT")) hotSurvivors.add(n.path("id").asString());
            });
            assertThat(hotSurvivors).as("events of the first server served from the wiped hot tier").isEmpty();
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/health/ready"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(ready.body()).path("checks").path("databases").path("status").asString()).isEqualTo("UP");
        } finally {
            second.close();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Application start(Path data, Path hot) {
        Map<String, String> env = new HashMap<>();
        env.put("NNC_DATA_DIR", data.toString());
        env.put("NNC_PORT", String.valueOf(freePort()));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DEMO_API_PORT", "0");
        env.put("NNC_SERVICE_CHECK_INTERVAL", "1s");
        env.put("NNC_EVENTS_HOT_DIR", hot.toString());
        return Wiring.start(ServerConfig.load(env), env, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** A free port in 18000-18999 (the range the tests of this project use). */
    private static int freePort() {
        var random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 18000 + random.nextInt(1000);
            try (var probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 18000-18999");
    }

    private static String apiKey(Path data, String name, String role) {
        var out = new ByteArrayOutputStream();
        int code = new ApiKeyCommand(Map.of("NNC_DATA_DIR", data.toString()), Clock.systemUTC()).execute(
                new String[]{"create", "--name", name, "--role", role}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().strip();
    }

    private static void createVlan(Application server, String key, String name, int vlanId) {
        JsonNode r = graphQl(server, key, "mutation { createVlan(routerId: \"demo\", input: {name: \"" + name + "\", vlanId: " + vlanId
                + ", interface: \"ether2\"}) { resource { uuid } userErrors { message } } }");
        assertThat(r.path("data").path("createVlan").path("userErrors")).as(r.toString()).isEmpty();
    }

    private static JsonNode eventLog(Application server, String key, String arguments) {
        String query = "{ eventLog(" + arguments + ") { edges { cursor } nodes { id routerId class tier type at actor summary data }"
                + " pageInfo { hasNextPage endCursor } } }";
        JsonNode r = graphQl(server, key, query);
        // the tests of this class share one key and its cost budget: a refusal for rate says when to ask again
        for (int retry = 0; retry < 5 && "RATE_LIMITED".equals(r.path("errors").path(0).path("extensions").path("code").asString()); retry++) {
            long seconds = Math.max(1, r.path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong(1));
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            r = graphQl(server, key, query);
        }
        assertThat(r.path("errors").isMissingNode()).as(r.toString()).isTrue();
        return r.path("data").path("eventLog");
    }

    private static JsonNode awaitEvent(Application server, String key, String arguments, Predicate<JsonNode> wanted) {
        JsonNode page = await(() -> eventLog(server, key, arguments + ", first: 30"), p -> {
            for (JsonNode n : p.path("nodes")) if (wanted.test(n)) return true;
            return false;
        });
        for (JsonNode n : page.path("nodes")) if (wanted.test(n)) return n;
        throw new AssertionError("unreachable");
    }

    /** Polls with a deadline: the hot tier and the lifecycle write in the background. */
    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("not within " + PATIENCE + ": " + last);
            pause();
            last = read.get();
        }
        return last;
    }

    /** Between two polls: the key's cost budget (LoadLimits) is not for tight loops. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode graphQl(Application server, String key, String query) {
        try {
            HttpResponse<String> r = post(server, key, query);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(Application server, String key, String query) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
