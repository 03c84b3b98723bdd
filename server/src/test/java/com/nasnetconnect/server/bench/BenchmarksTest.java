package com.nasnetconnect.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(120)
class BenchmarksTest {

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void benchApplyPrintsTheSummaryOnItsFirstLineWithTheRoundTripsTheGatewayCounted(String version) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of("apply", "--version", version, "--iterations", "2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(first).matches("apply: 1 resource p50 \\d+\\.\\d\\d ms p99 \\d+\\.\\d\\d ms, 3 round trips; "
                + "12 objects p50 \\d+\\.\\d\\d ms p99 \\d+\\.\\d\\d ms, 3 round trips");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RouterOS " + version);
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void benchFactoryPrintsInstallAndUninstallLatencyWithObjectsAndRoundTripsOnItsFirstLine(String version) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of("factory", "--version", version, "--iterations", "2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(first).matches("factory: install p50 \\d+\\.\\d\\d ms p99 \\d+\\.\\d\\d ms, [1-9]\\d* objects, [1-9]\\d* round trips; "
                + "uninstall p50 \\d+\\.\\d\\d ms p99 \\d+\\.\\d\\d ms, [1-9]\\d* round trips");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RouterOS " + version, "image pull excluded");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apply --version 6.49", "apply --iterations none", "apply --iterations", "compile", "factory --version 6.49"})
    void aBadBenchCommandLineIsRefusedNamingTheBadValue(String line) {
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of(line.split(" ")), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        String last = line.substring(line.lastIndexOf(' ') + 1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(last);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fleet --routers 50", "fleet --routers many", "fleet --idle-seconds -1", "fleet --launcher /no/such/entrypoint.sh",
            "fleet --sim-port 80", "fleet --fast"})
    void aBadBenchFleetCommandLineIsRefusedNamingTheBadValue(String line) {
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of(line.split(" ")), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        String last = line.substring(line.lastIndexOf(' ') + 1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(last);
    }

    @org.junit.jupiter.api.Test
    void benchFleetNeedsThePackagedJarBecauseItStartsTheServerFromIt() {
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of("fleet", "--routers", "200"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("java -jar server/target/nasnetconnect.jar bench fleet");
    }

    @org.junit.jupiter.api.Test
    void benchFleetHelpShowsItsFirstLine() {
        var out = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of("fleet", "--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("fleet: 100 routers RSS X MB; N routers RSS Y MB, routers p50 A ms p99 B ms, open router DBs C");
    }
}
