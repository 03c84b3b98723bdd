package com.nasnetconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router's container image without Docker: the OCI tar that the build writes
 * ({@code server/target/nasnetconnect-x86_64.tar}, the server's {@code image} profile, on in every test build on
 * Linux x86_64) is unpacked layer by layer into a root directory and its entrypoint run there with the image's
 * environment, as RouterOS would: in its own mount and PID namespaces ({@code unshare}; a user namespace too when
 * not root), chrooted, with /proc and /dev, a host directory on the /data volume and a tmpfs on the hot tier's mount
 * point. Only the port and bind address are changed (the host's network is shared).
 */
@Timeout(480)
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class ContainerImageE2ETest {
    static final ObjectMapper JSON = JsonMapper.shared();
    static final String HOT_MOUNT = "/run/nasnetconnect";
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void theImageRunsTheServerFromItsOwnRuntimeOnTheDataVolume() throws Exception {
        Path tar = Path.of(System.getProperty("nnc.imageTar", "../server/target/nasnetconnect-x86_64.tar"));
        assertThat(tar).as("the image is built by `./nnc image` (or any test build on Linux x86_64)").isRegularFile();
        Image image = Image.unpack(tar, dir.resolve("oci"), dir.resolve("root"));

        assertThat(image.entrypoint()).containsExactly("/bin/sh", "/opt/nasnetconnect/entrypoint.sh");
        assertThat(image.volumes()).containsExactly("/data");
        assertThat(image.ports()).containsExactly("8080/tcp");
        assertThat(image.env()).containsEntry("NNC_DATA_DIR", "/data").containsEntry("NNC_BIND", "0.0.0.0")
                .containsEntry("NNC_EVENTS_HOT_DIR", HOT_MOUNT + "/events-hot").doesNotContainKey("NNC_ADMIN_PASSWORD");
        // the image brings its own runtime and shell: nothing of the host's JDK or /bin is reachable in the root
        assertThat(image.root().resolve("opt/java/bin/java")).isExecutable();
        assertThat(image.root().resolve("usr")).doesNotExist();

        Path data = Files.createDirectories(dir.resolve("data"));
        int port = ServerProcess.freePort();
        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.put("NNC_PORT", String.valueOf(port));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DEMO_API_PORT", "0");
        env.put("NNC_ADMIN_PASSWORD", ServerProcess.ADMIN_PASSWORD);

        // a command through the same entrypoint (as `/container/shell` or a one-off run would): an API key
        Contained keyRun = Contained.start(image, data, env, List.of("apikey", "create", "--name", "image-probe",
                "--role", "operator", "--data-dir", "/data"), dir.resolve("apikey.log"));
        assertThat(keyRun.process.waitFor(120, TimeUnit.SECONDS)).as("apikey create finished").isTrue();
        assertThat(keyRun.process.exitValue()).as(keyRun.output()).isZero();
        String key = keyRun.output().lines().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow();

        Instant started = Instant.now();
        try (Contained server = Contained.start(image, data, env, List.of(), dir.resolve("server.log"))) {
            // the first start records the AOT cache of the image's build with its own jlinked runtime, then starts
            JsonNode ready = awaitReady(server, port, key, Duration.ofSeconds(120 + Integer.getInteger("nnc.e2e.startSeconds", 120)));
            Duration toReady = Duration.between(started, Instant.now());
            assertThat(ready.at("/status").asString()).as(ready.toString()).isEqualTo("UP");
            assertThat(ready.toString()).as("the hot tier is on the tmpfs mount").contains(HOT_MOUNT + "/events-hot");

            JsonNode routers = graphql(port, key, "{ routers { id name } }");
            assertThat(routers.at("/data/routers/0/id").asString()).as(routers.toString()).isEqualTo("demo");
            // the server's files land on the volume, owner-only
            assertThat(data.resolve("system.db")).isRegularFile();

            ProcessHandle jvm = server.jvm().orElseThrow(() -> new AssertionError("no JVM of the image's runtime among "
                    + server.process.descendants().map(p -> p.info().command().orElse("?")).toList()));
            assertThat(data.resolve("update/aot/built.aot")).as("the AOT cache recorded on the volume").isRegularFile();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(jvm.pid()), "maps")))
                    .as("the server maps the AOT cache it recorded").contains("/data/update/aot/built.aot");
            long rssKb = vmRssKb(jvm.pid());
            System.out.printf(Locale.ROOT, "container image: tar %.1f MB, layers %s MB, ready in %.2f s, VmRSS %d MB at idle%n",
                    Files.size(tar) / 1e6, image.layerSizesMb(), toReady.toMillis() / 1000.0, rssKb / 1024);
        }
    }

    JsonNode awaitReady(Contained server, int port, String key, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            if (!server.process.isAlive()) throw new AssertionError("the container exited with " + server.process.exitValue() + ":\n" + server.output());
            try {
                var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                last = res.statusCode() + " " + res.body();
                if (res.statusCode() == 200) return JSON.readTree(res.body());
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + timeout + " (last answer: " + last + "):\n" + server.output());
    }

    JsonNode graphql(int port, String key, String query) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build();
        return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    static long vmRssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }

    /** An image unpacked into {@code root}: its layers applied in order, and its config. */
    record Image(Path root, List<String> entrypoint, List<String> volumes, List<String> ports, Map<String, String> env,
                 List<Long> layerBytes) {

        static Image unpack(Path tar, Path oci, Path root) throws Exception {
            Files.createDirectories(oci);
            Files.createDirectories(root);
            run(List.of("tar", "-xf", tar.toAbsolutePath().toString(), "-C", oci.toString()));
            JsonNode config;
            List<Path> layers = new ArrayList<>();
            if (Files.exists(oci.resolve("index.json"))) { // OCI layout
                JsonNode manifest = blob(oci, JSON.readTree(oci.resolve("index.json").toFile()).at("/manifests/0/digest").asString());
                config = blob(oci, manifest.at("/config/digest").asString());
                manifest.get("layers").forEach(l -> layers.add(blobPath(oci, l.get("digest").asString())));
            } else { // docker-archive (-Dimage.format=Docker)
                JsonNode manifest = JSON.readTree(oci.resolve("manifest.json").toFile()).get(0);
                config = JSON.readTree(oci.resolve(manifest.get("Config").asString()).toFile());
                manifest.get("Layers").forEach(l -> layers.add(oci.resolve(l.asString())));
            }
            List<Long> sizes = new ArrayList<>();
            for (Path layer : layers) {
                // jib writes no whiteouts (every layer adds files), so applying a layer is extracting it
                run(List.of("tar", "-xzf", layer.toString(), "-C", root.toString()));
                sizes.add(Files.size(layer));
            }
            JsonNode c = config.get("config");
            Map<String, String> env = new LinkedHashMap<>();
            c.path("Env").forEach(e -> env.put(e.asString().substring(0, e.asString().indexOf('=')), e.asString().substring(e.asString().indexOf('=') + 1)));
            List<String> entrypoint = new ArrayList<>();
            c.path("Entrypoint").forEach(e -> entrypoint.add(e.asString()));
            List<String> volumes = new ArrayList<>();
            c.path("Volumes").propertyNames().forEach(volumes::add);
            List<String> ports = new ArrayList<>();
            c.path("ExposedPorts").propertyNames().forEach(ports::add);
            return new Image(root, entrypoint, volumes, ports, env, sizes);
        }

        String layerSizesMb() {
            return layerBytes.stream().map(b -> String.format(Locale.ROOT, "%.1f", b / 1e6)).toList().toString();
        }

        static Path blobPath(Path oci, String digest) {
            return oci.resolve("blobs").resolve(digest.substring(0, digest.indexOf(':'))).resolve(digest.substring(digest.indexOf(':') + 1));
        }

        static JsonNode blob(Path oci, String digest) throws IOException {
            return JSON.readTree(blobPath(oci, digest).toFile());
        }

        static void run(List<String> cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(cmd + " failed: " + out);
        }
    }

    /**
     * The image's entrypoint with ARGS, run like a container: new mount and PID namespaces (and a user namespace
     * when not root), /proc, /dev, the volume and the tmpfs mounted, chrooted into the root, only the given env.
     * Closing it stops it as RouterOS does: SIGTERM to the container's first process (the launcher forwards it).
     */
    record Contained(Process process, Path log) implements AutoCloseable {
        static final String MOUNT_AND_CHROOT = """
                set -e
                root=$1 data=$2 image_path=$PATH; shift 2
                PATH=/usr/sbin:/usr/bin:/sbin:/bin
                mkdir -p "$root/proc" "$root/dev"
                mount -t proc proc "$root/proc"
                mount --rbind /dev "$root/dev"
                mount --bind "$data" "$root/data"
                mount -t tmpfs -o size=64m,mode=0700 tmpfs "$root%s"
                PATH=$image_path exec /usr/sbin/chroot "$root" "$@"
                """.formatted(HOT_MOUNT);

        static Contained start(Image image, Path data, Map<String, String> env, List<String> args, Path log) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child=TERM"));
            if (!"root".equals(System.getProperty("user.name"))) cmd.add("--map-root-user");
            cmd.addAll(List.of("/bin/sh", "-c", MOUNT_AND_CHROOT, "mount-and-chroot", image.root().toString(), data.toString()));
            cmd.addAll(image.entrypoint());
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            return new Contained(pb.start(), log);
        }

        /** The server's JVM: a descendant running the image's java (seen from the host through the root). */
        Optional<ProcessHandle> jvm() {
            return process.descendants().filter(p -> p.info().command().orElse("").endsWith("/opt/java/bin/java")).findFirst();
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            List<ProcessHandle> inside = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            // as when RouterOS stops a container: nothing of it outlives it (a launcher left as the namespace's first
            // process once survived the stop here, with its JVM gone)
            inside.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
