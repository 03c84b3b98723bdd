package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static com.nasnetconnect.routeros.sim.SimTestSupport.rows;
import static com.nasnetconnect.routeros.sim.SimTestSupport.trap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /container as RouterOS runs it, over the API of both versions: pull (with progress in /log), extract, stop,
 * start, remove, failures, and a router without the container package. Pull phases run on an injected clock
 * that the tests move; a second connection listening on /log tells when the simulator has caught up.
 */
@Timeout(20)
class ContainerTest {

    private static final long PULL = 10_000;
    private static final long EXTRACT = 4_000;

    private final ManualClock clock = new ManualClock();
    private RouterOsSimulator sim;
    private RawApiClient c;
    private RawApiClient log;

    private void start(String version, String... packages) throws IOException {
        RouterOsSimulator.Builder b = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .clock(clock).imagePullDelayMillis(PULL).imageExtractDelayMillis(EXTRACT);
        if (packages.length > 0) {
            b.packages(packages);
        }
        sim = b.build().start();
        c = SimTestSupport.login(sim);
        log = listenToLog(sim);
    }

    /** A connection listening on /log; returns once the listen is registered (a later command was answered). */
    private static RawApiClient listenToLog(RouterOsSimulator router) throws IOException {
        RawApiClient l = SimTestSupport.login(router);
        l.send("/log/listen", ".tag=log");
        l.send("/system/identity/print", ".tag=sync");
        while (true) {
            List<String> s = l.read();
            if (s.getFirst().equals("!done") && s.contains(".tag=sync")) {
                return l;
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (c != null) {
            c.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aContainerPullsWithProgressExtractsStartsStopsAndIsRemoved(String version) throws IOException {
        start(version);
        RosVersion v = RosVersion.parse(version);
        ok(c, "/interface/veth/add", "=name=veth-tor", "=address=10.99.101.2/24", "=gateway=10.99.101.1");
        ok(c, "/container/envs/add", "=" + v.listKey() + "=tor", "=key=EXIT_COUNTRY", "=value=us");
        ok(c, "/container/mounts/add", "=" + v.listKey() + "=tor", "=src=/disk1/tor", "=dst=/var/lib/tor");
        String id = ok(c, "/container/add", "=remote-image=dperson/torproxy:latest", "=interface=veth-tor",
                "=" + v.envlistKey() + "=tor", "=" + v.mountsKey() + "=tor", "=root-dir=disk1/tor-usa",
                "=logging=yes", "=start-on-boot=yes");
        Map<String, String> added = row(c, "/container/print", "?.id=" + id);
        String name = added.get("name");
        assertThat(added).containsEntry("status", "extracting").containsEntry("tag", "dperson/torproxy:latest")
                .containsEntry("interface", "veth-tor").containsEntry("logging", "true")
                .containsEntry("start-on-boot", "true");
        awaitLog(name + ": pulling dperson/torproxy:latest 0%");

        clock.advance(Duration.ofMillis(PULL * 4 / 10));
        awaitLog(name + ": pulling dperson/torproxy:latest 40%");
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "extracting");
        assertThat(trap(c, "/container/start", startSelector(v) + id)).contains("image is still extracting");

        clock.advance(Duration.ofMillis(PULL * 6 / 10));
        awaitLog(name + ": extracting dperson/torproxy:latest");
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "extracting");

        clock.advance(Duration.ofMillis(EXTRACT));
        awaitLog("import successful, container " + name);
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "stopped")
                .containsEntry("running", "false");

        ok(c, "/container/start", startSelector(v) + id);
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "running")
                .containsEntry("running", "true");
        awaitLog(name + ": [notice] Bootstrapped 100% (done): Done");
        assertThat(rows(c, "/log/print", "?topics=container,info")).extracting(r -> r.get("message"))
                .contains("container " + name + " started");

        ok(c, "/container/stop", startSelector(v) + id);
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "stopped");
        ok(c, "/container/remove", "=numbers=" + id);
        assertThat(rows(c, "/container/print")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aRunningContainerCannotBeRemovedUntilStopped(String version) throws IOException {
        start(version);
        String id = pulledContainer("nginx:1.27");
        String selector = startSelector(RosVersion.parse(version));
        ok(c, "/container/start", selector + id);
        assertThat(trap(c, "/container/remove", "=numbers=" + id))
                .isEqualTo("failure: container is running, stop it first");
        assertThat(rows(c, "/container/print")).hasSize(1);
        ok(c, "/container/stop", selector + id);
        ok(c, "/container/remove", "=numbers=" + id);
        assertThat(rows(c, "/container/print")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void anUnknownImageEndsInErrorWithTheImageInTheMessageAndCannotStart(String version) throws IOException {
        start(version);
        sim.registry().unknownImage("library/no-such-image");
        ok(c, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24", "=gateway=172.17.0.1");
        String id = ok(c, "/container/add", "=remote-image=no-such-image", "=interface=veth1");
        String name = row(c, "/container/print", "?.id=" + id).get("name");
        clock.advance(Duration.ofMillis(1));
        awaitLog(name + ": error pulling no-such-image: repository not found");
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "error");
        assertThat(rows(c, "/log/print", "?topics=container,error")).extracting(r -> r.get("message"))
                .containsExactly(name + ": error pulling no-such-image: repository not found");
        assertThat(trap(c, "/container/start", startSelector(RosVersion.parse(version)) + id))
                .isEqualTo("failure: container " + name + " has no image, its pull failed: remove it and add it again");
        ok(c, "/container/remove", "=numbers=" + id);
    }

    @Test
    void anUnreachableRegistryFailsThePullAfterThePullDelayNamingTheRegistry() throws IOException {
        start("7.23.3");
        sim.registry().unreachable(true);
        ok(c, "/container/config/set", "=registry-url=https://registry.example.net");
        ok(c, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24");
        String id = ok(c, "/container/add", "=remote-image=adguard/adguardhome", "=interface=veth1", "=name=dns");
        awaitLog("dns: pulling adguard/adguardhome 0%");
        clock.advance(Duration.ofMillis(PULL - 1));
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "extracting");
        clock.advance(Duration.ofMillis(1));
        awaitLog("dns: error pulling adguard/adguardhome: cannot connect to https://registry.example.net: "
                + "connection timed out");
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "error");

        sim.registry().clear();
        String again = ok(c, "/container/add", "=remote-image=adguard/adguardhome", "=interface=veth1", "=name=dns2");
        clock.advance(Duration.ofMillis(PULL + EXTRACT));
        awaitLog("import successful, container dns2");
        assertThat(row(c, "/container/print", "?.id=" + again)).containsEntry("status", "stopped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aRouterWithoutTheContainerPackageHasNoContainerMenu(String version) throws IOException {
        start(version, "routeros");
        assertThat(trap(c, "/container/print")).isEqualTo("no such command prefix");
        assertThat(SimTestSupport.call(c, "/container/add", "=remote-image=nginx").getFirst())
                .contains("=message=no such command or directory (container)");
        assertThat(rows(c, "/system/package/print")).extracting(r -> r.get("name")).containsExactly("routeros");
        assertThat(ok(c, "/export")).doesNotContain("/container");
        ok(c, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24");
    }

    @Test
    void theCommandLineSetsThePackagesAndThePullDelay() throws IOException {
        sim = SimulatorCommand.parse(new String[] {"--port", "0", "--version", "7.23.3", "--user", "admin",
                "--password", "pw", "--packages", "routeros", "--pull-delay", "50"}).build().start();
        c = SimTestSupport.login(sim);
        assertThat(rows(c, "/system/package/print")).extracting(r -> r.get("name")).containsExactly("routeros");
        assertThat(sim.registry().pullMillis()).isEqualTo(50);
        assertThat(sim.registry().extractMillis()).isEqualTo(25);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {
                "--packages", "routeros,dude"})).hasMessageContaining("unknown package: dude");
    }

    @Test
    void theDefaultRouterHasTheContainerPackage() throws IOException {
        start("7.16.2");
        assertThat(rows(c, "/system/package/print")).extracting(r -> r.get("name"))
                .containsExactly("routeros", "container");
    }

    @Test
    void version7162PrintsTheAttributesItsCommandTreeLists() throws IOException {
        start("7.16.2");
        ok(c, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24", "=gateway=172.17.0.1");
        assertThat(trap(c, "/container/add", "=remote-image=nginx", "=interface=veth1", "=name=web"))
                .isEqualTo("unknown parameter name");
        ok(c, "/container/add", "=remote-image=nginx", "=interface=veth1", "=envlist=app", "=mounts=data",
                "=hostname=web", "=dns=9.9.9.9", "=workdir=/srv", "=cmd=nginx -g daemon", "=stop-signal=15");
        Map<String, String> container = row(c, "/container/print");
        assertThat(container).containsKeys(".id", "name", "tag", "os", "arch", "interface", "envlist", "mounts",
                "root-dir", "hostname", "domain-name", "dns", "cmd", "entrypoint", "workdir", "user", "stop-signal",
                "logging", "start-on-boot", "status").doesNotContainKeys("envlists", "mountlists");
        assertThat(container).containsEntry("envlist", "app").containsEntry("mounts", "data")
                .containsEntry("hostname", "web").containsEntry("os", "linux").containsEntry("logging", "false");
        assertThat(row(c, "/container/config/print")).containsOnlyKeys("registry-url", "tmpdir", "layer-dir",
                "username", "ram-high").containsEntry("registry-url", "https://registry-1.docker.io");
        ok(c, "/container/config/set", "=ram-high=256M", "=tmpdir=disk1/pull", "=password=secret");
        assertThat(row(c, "/container/config/print")).containsEntry("ram-high", "256M")
                .containsEntry("tmpdir", "disk1/pull").doesNotContainKey("password");
        assertThat(trap(c, "/container/config/set", "=memory-high=256M")).isEqualTo("unknown parameter memory-high");
        ok(c, "/container/envs/add", "=name=app", "=key=TZ", "=value=UTC");
        assertThat(row(c, "/container/envs/print")).containsOnlyKeys(".id", "name", "key", "value");
        ok(c, "/container/mounts/add", "=name=data", "=src=/disk1/data", "=dst=/data");
        assertThat(row(c, "/container/mounts/print")).containsOnlyKeys(".id", "name", "src", "dst");
        Map<String, String> veth = row(c, "/interface/veth/print");
        assertThat(veth).containsEntry("address", "172.17.0.2/24").containsEntry("gateway", "172.17.0.1")
                .containsEntry("gateway6", "").containsKey("mac-address").doesNotContainKeys("container-mac-address",
                        "dhcp");
    }

    @Test
    void version7233PrintsTheAttributesItsCommandTreeLists() throws IOException {
        start("7.23.3");
        ok(c, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24", "=gateway=172.17.0.1");
        ok(c, "/container/add", "=remote-image=nginx", "=interface=veth1", "=name=web", "=envlists=app",
                "=mountlists=data", "=hostname=web", "=dns=9.9.9.9");
        Map<String, String> container = row(c, "/container/print");
        assertThat(container).containsKeys(".id", "name", "tag", "os", "arch", "interface", "envlists", "mountlists",
                "root-dir", "hostname", "domain-name", "dns", "cmd", "entrypoint", "workdir", "user", "stop-signal",
                "logging", "start-on-boot", "status").doesNotContainKeys("envlist", "mounts");
        assertThat(container).containsEntry("name", "web").containsEntry("envlists", "app")
                .containsEntry("mountlists", "data");
        assertThat(row(c, "/container/config/print")).containsOnlyKeys("registry-url", "tmpdir", "layer-dir",
                "username", "memory-high", "memory-max");
        assertThat(trap(c, "/container/config/set", "=ram-high=256M")).isEqualTo("unknown parameter ram-high");
        ok(c, "/container/envs/add", "=list=app", "=key=TZ", "=value=UTC");
        assertThat(row(c, "/container/envs/print")).containsOnlyKeys(".id", "list", "key", "value", "disabled");
        ok(c, "/container/mounts/add", "=list=data", "=src=/disk1/data", "=dst=/data", "=mode=rw");
        assertThat(row(c, "/container/mounts/print")).containsOnlyKeys(".id", "list", "src", "dst", "mode",
                "disabled");
        assertThat(row(c, "/interface/veth/print")).containsEntry("address", "172.17.0.2/24")
                .containsEntry("gateway", "172.17.0.1").containsEntry("dhcp", "false")
                .containsKeys("mac-address", "container-mac-address");
        assertThat(trap(c, "/container/add", "=remote-image=nginx", "=interface=veth1", "=name=web"))
                .isEqualTo("failure: already have container with such name");
    }

    @Test
    void aVethRefusesAnAddressOrGatewayThatIsNotAnIpAddress() throws IOException {
        start("7.16.2");
        assertThat(trap(c, "/interface/veth/add", "=name=veth1", "=address=10.99.300.2/24"))
                .isEqualTo("invalid value for argument address: 10.99.300.2");
        assertThat(trap(c, "/interface/veth/add", "=name=veth1", "=address=10.99.1.2/24", "=gateway=gw"))
                .isEqualTo("invalid value for argument gateway: gw");
    }

    @Test
    void aCrashedContainerShowsStoppedAndLogsAnError() throws IOException {
        start("7.23.3");
        String id = pulledContainer("dperson/torproxy");
        String name = row(c, "/container/print", "?.id=" + id).get("name");
        ok(c, "/container/start", "=numbers=" + id);
        assertThat(sim.crashContainer(name)).isTrue();
        awaitLog(name + ": exited with status 1");
        assertThat(row(c, "/container/print", "?.id=" + id)).containsEntry("status", "stopped");
        assertThat(sim.crashContainer(name)).isFalse();
    }

    @Test
    void afterARebootOnlyContainersWithStartOnBootRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("router.json");
        try (RouterOsSimulator first = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw")
                .imagePullDelayMillis(0).imageExtractDelayMillis(0).stateFile(file).build().start();
             RawApiClient a = SimTestSupport.login(first); RawApiClient l = listenToLog(first)) {
            ok(a, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24");
            ok(a, "/container/add", "=remote-image=nginx", "=interface=veth1", "=name=boots", "=start-on-boot=yes");
            ok(a, "/container/add", "=remote-image=nginx", "=interface=veth1", "=name=stays");
            ok(a, "/container/add", "=remote-image=nginx", "=interface=veth1", "=name=was-running");
            awaitLog(l, "import successful, container was-running");
            ok(a, "/container/start", "=numbers=was-running");
        }
        assertThat(Files.exists(file)).isTrue();
        try (RouterOsSimulator second = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw")
                .stateFile(file).build().start(); RawApiClient b = SimTestSupport.login(second)) {
            assertThat(rows(b, "/container/print")).extracting(r -> r.get("name") + " " + r.get("status"))
                    .containsExactly("boots running", "stays stopped", "was-running stopped");
        }
    }

    // ---- helpers ----

    /** 7.16.2 selects the container of start/stop with "number", 7.23.3 with "numbers". */
    private static String startSelector(RosVersion v) {
        return v.atLeast(7, 20) ? "=numbers=" : "=number=";
    }

    private String pulledContainer(String image) throws IOException {
        ok(c, "/interface/veth/add", "=name=veth-" + Math.abs(image.hashCode()), "=address=172.17.0.2/24");
        String id = ok(c, "/container/add", "=remote-image=" + image, "=interface=veth-" + Math.abs(image.hashCode()),
                "=logging=yes");
        String name = row(c, "/container/print", "?.id=" + id).get("name");
        clock.advance(Duration.ofMillis(PULL + EXTRACT));
        awaitLog("import successful, container " + name);
        return id;
    }

    /** Reads the /log listen stream until a line with this message arrives (the stream's read timeout bounds it). */
    private void awaitLog(String message) throws IOException {
        awaitLog(log, message);
    }

    private static void awaitLog(RawApiClient log, String message) throws IOException {
        List<String> seen = new ArrayList<>();
        while (true) {
            List<String> s = log.read();
            if (s == null) {
                throw new AssertionError("log stream closed before '" + message + "'; saw " + seen);
            }
            for (String w : s) {
                if (w.startsWith("=message=")) {
                    seen.add(w.substring(9));
                    if (w.substring(9).equals(message)) {
                        return;
                    }
                }
            }
        }
    }

    /** A clock the test moves; the simulator's pull tick reads it. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
