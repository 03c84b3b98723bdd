package com.nasnetconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's command line and its start-up failures: one clear line and a non-zero exit code. */
@Timeout(120)
class StartupE2ETest {
    @TempDir
    Path dir;

    static String lastLine(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    @Test
    void helpListsTheCommands() throws Exception {
        var r = ServerProcess.runToExit(List.of("--help"), Map.of(), Duration.ofSeconds(30));
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("serve").contains("simulate").contains("apikey");
    }

    @Test
    void aPortInUseIsOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            var r = ServerProcess.runToExit(List.of(), Map.of("NNC_DATA_DIR", dir.toString(), "NNC_DEMO", "false",
                    "NNC_PORT", String.valueOf(taken.getLocalPort()), "NNC_BIND", "127.0.0.1"), Duration.ofSeconds(60));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(lastLine(r.output())).startsWith("nasnetconnect: port " + taken.getLocalPort()).contains("NNC_PORT");
            assertThat(r.output()).doesNotContain("\tat ");
        }
    }

    @Test
    void anUnwritableDataDirectoryIsOneLine() throws Exception {
        // CI runs as root, which ignores permission bits: a path under a regular file can never be created
        Path impossible = Files.writeString(dir.resolve("a-file"), "x").resolve("data");
        var r = ServerProcess.runToExit(List.of(), Map.of("NNC_DATA_DIR", impossible.toString(), "NNC_DEMO", "false",
                "NNC_PORT", String.valueOf(ServerProcess.freePort())), Duration.ofSeconds(60));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(lastLine(r.output())).startsWith("nasnetconnect: data directory").contains("not writable");
        assertThat(r.output()).doesNotContain("\tat ");
    }

    @Test
    void aBrokenConfigFileIsOneLine() throws Exception {
        Path config = Files.writeString(dir.resolve("nnc.properties"), "port=eighty\n");
        var r = ServerProcess.runToExit(List.of(), Map.of("NNC_CONFIG", config.toString(), "NNC_DATA_DIR", dir.toString()),
                Duration.ofSeconds(60));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(lastLine(r.output())).isEqualTo("nasnetconnect: " + config + " key port must be a whole number from 1 to 65535, not 'eighty'");
    }

    @Test
    void anUnknownCommandIsRefused() throws Exception {
        var r = ServerProcess.runToExit(List.of("frobnicate"), Map.of(), Duration.ofSeconds(30));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(lastLine(r.output())).contains("unknown command 'frobnicate'");
    }
}
