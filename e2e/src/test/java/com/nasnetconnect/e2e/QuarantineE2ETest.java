package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A damaged router database does not stop the server: it is moved aside, the dashboard says so, and the
 * router itself is still monitored; GraphQL, the router's status and /health/ready say so by the router's name, and
 * the command line releases it while the server runs.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarantineE2ETest {
    static final ObjectMapper JSON = JsonMapper.shared();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ServerProcess server;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("nnc-quarantine");
        Files.writeString(data.resolve("router-demo.db"), "this is not an SQLite database, just garbage ".repeat(200));
        server = ServerProcess.start(data, Map.of());
        Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void aDamagedRouterDatabaseIsQuarantinedAndShownWhileTheRouterStaysMonitored() {
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"), text("Online"));
        $("#db-warnings").shouldHave(text("'demo'"), Duration.ofSeconds(20)).shouldHave(text("moved aside"));
        assertThat(data.resolve("router-demo.db")).doesNotExist();
    }

    @Test
    @Order(2)
    void theQuarantineIsAClearErrorEverywhereAndTheCommandLineReleasesItWhileTheServerRuns() throws Exception {
        var created = ServerProcess.runToExit(List.of("apikey", "create", "--name", "e2e-quarantine", "--role", "operator",
                "--data-dir", data.toString()), Map.of(), Duration.ofSeconds(60));
        assertThat(created.exitCode()).as(created.output()).isZero();
        String key = created.output().lines().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow();

        JsonNode refused = graphQl(key, "{ resources(routerId: \"demo\") { totalCount } }");
        assertThat(refused.at("/errors/0/message").asString()).as(refused.toString())
                .startsWith("the database of router 'Demo router' (id 'demo') is quarantined since ");
        assertThat(refused.toString()).doesNotContain(data.toString());
        String problem = until(() -> graphQl(key, "{ routers { id status { problem } } }").at("/data/routers/0/status/problem").asString(),
                p -> p.contains("quarantined"));
        assertThat(problem).contains("'Demo router'").doesNotContain(data.toString());
        String ready = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/ready"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ready).contains("the database of router 'Demo router' (id 'demo') is quarantined since").doesNotContain(data.toString());

        var listed = ServerProcess.runToExit(List.of("db", "quarantine", "list", "--data-dir", data.toString()), Map.of(), Duration.ofSeconds(60));
        assertThat(listed.exitCode()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("demo\t'Demo router'\tsince ");
        var released = ServerProcess.runToExit(List.of("db", "quarantine", "release", "--router", "demo", "--data-dir", data.toString()),
                Map.of(), Duration.ofSeconds(60));
        assertThat(released.exitCode()).as(released.output()).isZero();

        JsonNode answered = until(() -> graphQl(key, "{ resources(routerId: \"demo\") { totalCount } }"), a -> a.at("/errors").isMissingNode());
        assertThat(answered.at("/data/resources/totalCount").isInt()).isTrue();
        String after = until(() -> ServerProcess.runToExit(List.of("db", "quarantine", "list", "--data-dir", data.toString()), Map.of(),
                Duration.ofSeconds(60)).output(), o -> !o.contains("awaiting adoption"));
        assertThat(after).contains("no router database is quarantined");
        assertEveryFileIsTheOwnersOnly(data);
    }

    /** The data directory and everything the server (and its tools) wrote in it: 0700 directories, 0600 files. */
    static void assertEveryFileIsTheOwnersOnly(Path dir) throws Exception {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
        try (var all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(perms).as(dir.relativize(p).toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    static JsonNode graphQl(String key, String query) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build();
        return JSON.readTree(HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    interface Attempt<T> {
        T get() throws Exception;
    }

    /** Asks again (the server polls its routers every second) until the answer is as expected, for up to 30 s. */
    static <T> T until(Attempt<T> ask, java.util.function.Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        T last = ask.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            last = ask.get();
        }
        assertThat(done.test(last)).as("last answer: " + last).isTrue();
        return last;
    }
}
