package com.nasnetconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.update.UpdateRecord;
import com.nasnetconnect.storage.update.FileUpdateInstaller;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A/B updates end to end through the launcher itself ({@code server/src/main/docker/entrypoint.sh}, what
 * {@code ./nnc run} and the container run), as a process: a staged version that exits at once or never reports
 * healthy is stopped and rolled back, the previous version runs again and launcher.log says why; the real server
 * staged as the new version commits itself once healthy and is the one that runs after a further restart.
 * The "previous version" is a small jar built here that asks for the restart (exit 75) while something is staged,
 * as the server does after {@code UpdateInstaller.restartIntoStaged()}.
 */
@Timeout(240)
class UpdateLauncherE2ETest {
    static final Path LAUNCHER = Path.of("../server/src/main/docker/entrypoint.sh");

    @TempDir
    Path tmp;
    Path data;
    Path update;
    final List<Process> launchers = new ArrayList<>();

    @AfterEach
    void stopLaunchers() throws Exception {
        for (Process p : launchers) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aStagedBuildThatExitsAtOnceIsRolledBackAndThePreviousVersionRunsAgain() throws Exception {
        installPrevious();
        stage("b", "2.1.0", tinyJar("""
                System.err.println("nasnetconnect: the data directory was written by a newer schema (7) than this build knows");
                System.exit(1);
                """));

        Process launcher = launch(Map.of("NNC_UPDATE_TRIAL_TIMEOUT", "20s"));

        await("the previous version started again", Duration.ofSeconds(60), () -> previousStarts() == 2);
        List<UpdateRecord> records = records();
        assertThat(records).first().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(UpdateRecord.Kind.ROLLBACK);
            assertThat(r.version()).isEqualTo("2.1.0");
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).startsWith("2.1.0 did not report healthy within 20 s: exited with 1")
                    .contains("written by a newer schema (7)").endsWith("back to 1.0.0");
        });
        assertThat(records.get(1).kind()).isEqualTo(UpdateRecord.Kind.APPLY);
        assertThat(update.resolve("staged")).doesNotExist();
        assertThat(update.resolve("current")).hasContent("a 1.0.0");
        assertThat(launcher.isAlive()).as("the launcher keeps the previous version running").isTrue();
    }

    @Test
    void aStagedBuildThatNeverReportsHealthyIsStoppedAtTheTrialTimeoutAndRolledBack() throws Exception {
        installPrevious();
        stage("b", "2.2.0", tinyJar("""
                System.err.println("waiting for a database that never answers");
                Thread.sleep(Long.MAX_VALUE);
                """));

        launch(Map.of("NNC_UPDATE_TRIAL_TIMEOUT", "3s"));

        await("the previous version started again", Duration.ofSeconds(60), () -> previousStarts() == 2);
        assertThat(records()).first().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(UpdateRecord.Kind.ROLLBACK);
            assertThat(r.detail()).startsWith("2.2.0 did not report healthy within 3 s: stopped")
                    .contains("waiting for a database that never answers");
        });
        assertThat(update.resolve("current")).hasContent("a 1.0.0");
    }

    @Test
    void theRealServerStagedAsTheNewVersionCommitsOnceHealthyAndStaysAfterARestart() throws Exception {
        installPrevious();
        String version = Optional.ofNullable(new java.util.jar.JarFile(ServerProcess.jar().toFile()).getManifest()
                .getMainAttributes().getValue("Implementation-Version")).orElseThrow(() -> new AssertionError("the jar has no Implementation-Version"));
        stage("b", version, ServerProcess.jar());
        int port = ServerProcess.freePort();
        Map<String, String> server = Map.of("NNC_PORT", String.valueOf(port), "NNC_BIND", "127.0.0.1",
                "NNC_ADMIN_PASSWORD", ServerProcess.ADMIN_PASSWORD, "NNC_DEMO_API_PORT", "0", "NNC_UPDATE_TRIAL_TIMEOUT", "120s");

        Process first = launch(server);
        await("the new version committed", Duration.ofSeconds(150), () -> !records().isEmpty()
                && records().getFirst().kind() == UpdateRecord.Kind.COMMIT);
        assertThat(records().getFirst().detail()).isEqualTo(version + " reported healthy and is kept");
        assertThat(update.resolve("current")).hasContent("b " + version);
        assertThat(update.resolve("staged")).doesNotExist();
        assertThat(health(port)).isEqualTo(200);

        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops with its server").isTrue();
        int before = records().size();

        launch(server);
        await("the committed version answers after the restart", Duration.ofSeconds(120), () -> health(port) == 200);
        assertThat(previousStarts()).as("the previous version did not run again").isEqualTo(1);
        assertThat(records()).as("no switch on a plain restart").hasSize(before);
        assertThat(update.resolve("current")).hasContent("b " + version);
    }

    @Test
    void theFirstStartRecordsAnAotCacheOfTheBuildAndEveryLaterStartUsesItWithoutRecordingAgain() throws Exception {
        data = tmp.resolve("data");
        update = data.resolve("update");
        int port = ServerProcess.freePort();
        Map<String, String> server = Map.of("NNC_PORT", String.valueOf(port), "NNC_BIND", "127.0.0.1", "NNC_AOT", "on",
                "NNC_ADMIN_PASSWORD", ServerProcess.ADMIN_PASSWORD, "NNC_DEMO_API_PORT", "0");
        Path cache = update.resolve("aot/built.aot");

        Process first = launch(server);
        await("the server answers after recording its AOT cache", Duration.ofSeconds(200), () -> health(port) == 200);
        assertThat(cache).exists();
        assertThat(Files.size(cache)).as("a cache of the classes start-up loads, not an empty file").isGreaterThan(10_000_000);
        assertThat(mapsOfTheServer(first)).as("the server runs with the cache it recorded").contains(cache.toString());
        assertThat(Files.readString(tmp.resolve("launcher-0.log"))).contains("recording the AOT cache");
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var recorded = Files.getLastModifiedTime(cache);

        Process second = launch(server);
        await("the server answers again", Duration.ofSeconds(120), () -> health(port) == 200);
        assertThat(Files.getLastModifiedTime(cache)).as("not recorded again").isEqualTo(recorded);
        assertThat(Files.readString(tmp.resolve("launcher-1.log"))).doesNotContain("recording the AOT cache");
        assertThat(mapsOfTheServer(second)).contains(cache.toString());
    }

    @Test
    void aTrainingRunThatHangsIsStoppedAndTheServerStartsWithoutACache() throws Exception {
        installPrevious(); // the build in slot a never ends on its own (nothing is staged), training run or not
        launch(Map.of("NNC_AOT", "on", "NNC_AOT_TRAINING_TIMEOUT", "3s"));
        await("the build started after its training run was stopped", Duration.ofSeconds(60), () -> previousStarts() == 2);
        assertThat(update.resolve("aot/a.aot")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("launcher-0.log"))).contains("no AOT cache was recorded");
    }

    @Test
    void aHeapSizeThatIsNotOneIsRefusedNamingIt() throws Exception {
        data = tmp.resolve("data");
        Process p = launch(Map.of("NNC_HEAP", "64"));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("launcher-0.log"))).contains("NNC_HEAP '64' is not a size like 64m or 1g");
    }

    @Test
    void aStopSignalToTheWholeProcessGroupEndsTheLauncherWithTheServer() throws Exception {
        installPrevious(); // runs until it is stopped (nothing is staged)
        Process p = launch(Map.of(), "setsid"); // its own process group, as a terminal or a process supervisor gives it
        await("the build runs", Duration.ofSeconds(60), () -> previousStarts() == 1);
        // TERM to every process of the group at once: the launcher, its wrapper subshell and the server. The
        // wrapper dies before it can write the server's exit code; the launcher spun on a lost child before.
        Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + p.pid()).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("the group was signalled").isTrue();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended with its server").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(p.descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    /** The memory map of the JVM the launcher started (its descendant running java). */
    private static String mapsOfTheServer(Process launcher) throws IOException {
        for (ProcessHandle h : launcher.descendants().toList()) {
            if (h.info().command().map(c -> c.endsWith("java")).orElse(false)) {
                return Files.readString(Path.of("/proc", String.valueOf(h.pid()), "maps"));
            }
        }
        throw new AssertionError("no java process under the launcher");
    }

    /** Slot a holds the committed "1.0.0": a small jar that asks for the restart while something is staged. */
    private void installPrevious() throws Exception {
        data = tmp.resolve("data");
        update = data.resolve("update");
        Files.createDirectories(update);
        Files.copy(tinyJar("""
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("NNC_UPDATE_DIR")).resolveSibling("previous-starts"),
                        "started\\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                if (java.nio.file.Files.exists(java.nio.file.Path.of(System.getenv("NNC_UPDATE_DIR"), "staged"))) System.exit(75);
                Thread.sleep(Long.MAX_VALUE);
                """), update.resolve("slot-a.jar"));
        Files.writeString(update.resolve("current"), "a 1.0.0\n");
    }

    private void stage(String slot, String version, Path jar) throws IOException {
        Files.copy(jar, update.resolve("slot-" + slot + ".jar"));
        Files.writeString(update.resolve("staged"), slot + " " + version + "\n");
    }

    private Process launch(Map<String, String> env, String... before) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("NNC_JAR", ServerProcess.jar().toAbsolutePath().toString());
        all.put("NNC_JAVA", ServerProcess.java().toString());
        all.put("NNC_DATA_DIR", data.toString());
        all.putIfAbsent("NNC_AOT", "off"); // the A/B tests are about switching; the AOT tests below turn it on
        List<String> command = new ArrayList<>(List.of(before));
        command.addAll(List.of("sh", LAUNCHER.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("launcher-" + launchers.size() + ".log").toFile());
        pb.environment().putAll(all);
        Process p = pb.start();
        launchers.add(p);
        return p;
    }

    private long previousStarts() {
        try {
            Path f = data.resolve("previous-starts");
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /** What the Updates page shows: launcher.log as the installer reads it. */
    private List<UpdateRecord> records() {
        return new FileUpdateInstaller(update, "test", Optional.empty(), false, () -> { }).launcherRecords();
    }

    private static int health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                StringBuilder logs = new StringBuilder();
                for (int i = 0; i < launchers.size(); i++) logs.append(Files.readString(tmp.resolve("launcher-" + i + ".log")));
                throw new AssertionError(what + ": not within " + timeout + "\nlauncher.log: " + records() + "\n" + logs);
            }
            Thread.sleep(200);
        }
    }

    /** A jar whose com.nasnetconnect.server.Main runs {@code body}: a build of our own, as small as it gets. */
    private Path tinyJar(String body) throws Exception {
        Path src = Files.createTempDirectory(tmp, "src");
        Path pkg = Files.createDirectories(src.resolve("com/nasnetconnect/server"));
        Files.writeString(pkg.resolve("Main.java"), """
                package com.nasnetconnect.server;
                public class Main {
                    public static void main(String[] args) throws Exception {
                %s
                    }
                }
                """.formatted(body));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                pkg.resolve("Main.java").toString());
        assertThat(compiled).as("the tiny build compiles").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.nasnetconnect.server.Main");
        Path jar = Files.createTempFile(tmp, "tiny", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("com/nasnetconnect/server/Main.class"));
            jarOut.write(Files.readAllBytes(pkg.resolve("Main.class")));
            jarOut.closeEntry();
        }
        return jar;
    }
}
