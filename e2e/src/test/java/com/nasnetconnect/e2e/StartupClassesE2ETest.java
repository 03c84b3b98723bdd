package com.nasnetconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged server loads to start and serve its first page, logged by the JVM itself
 * ({@code -Xlog:class+load}). Every class loaded costs start-up time and memory on the router (issue #16); these are
 * whole subsystems that once came along for one small answer and must not come back unnoticed.
 */
class StartupClassesE2ETest {

    @Test
    void startingAndServingTheFirstPageLoadsNoMBeanServer(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("classes.log");
        try (ServerProcess server = ServerProcess.start(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log))) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "the first page");
            List<String> loaded = Files.readAllLines(log);
            assertTrue(loaded.stream().anyMatch(l -> l.contains(" org.eclipse.jetty.util.thread.QueuedThreadPool ")),
                    "the log holds the UI's Jetty (so an absence below means something)");
            // Jetty's thread pool asked the platform MBean server for the size of a reference (EmbeddedVaadin tells it)
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" com.sun.jmx.mbeanserver.JmxMBeanServer ")).toList());
            // the public port serves plain HTTP here, and the UI is reached over loopback: no TLS context is set up
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" sun.security.ssl.SSLContextImpl ")).toList());
        }
    }

    /**
     * The AOT cache holds every class its training run loaded, and every start loads the whole cache: what the
     * training run alone needs (its requests to the server) must not bring a second HTTP stack along.
     */
    @Test
    void theAotTrainingRunExercisesTheServerWithoutTheJdkHttpClient(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("classes.log");
        ServerProcess.Result run = ServerProcess.runToExit(List.of(), Map.of(
                "NNC_AOT_TRAINING", "true", "NNC_DATA_DIR", tmp.resolve("data").toString(),
                "NNC_EVENTS_HOT_DIR", tmp.resolve("hot").toString(), "NNC_DEMO_API_PORT", "0",
                "NNC_ADMIN_PASSWORD", ServerProcess.ADMIN_PASSWORD,
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), Duration.ofSeconds(120));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("training run done"), run.output());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.helidon.webclient.api.WebClient ")), "the log holds the training's client");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" jdk.internal.net.http.")).limit(5).toList());
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" sun.security.ssl.SSLContextImpl ")).toList());
    }
}
