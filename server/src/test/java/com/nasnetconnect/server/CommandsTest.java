package com.nasnetconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line as a user meets it: help, usage mistakes (exit 2), and the dispatch to each command. */
class CommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandWithWhatItDoesAndExitsZero() {
        for (String help : new String[] {"--help", "-h", "help"}) {
            assertThat(run(help)).as(help).isZero();
            assertThat(out()).as(help).contains("Usage: java -jar nasnetconnect.jar [command] [options]")
                    .contains("serve", "run the server (the default)", "NNC_PORT (8080)")
                    .contains("simulate", "run a standalone RouterOS simulator")
                    .contains("apikey", "manage GraphQL API keys")
                    .contains("rotate-key", "re-encrypt every stored secret with a new key")
                    .contains("db", "quarantined router databases");
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatNamesIt() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("nasnetconnect: unknown command 'frobnicate' (try --help)" + System.lineSeparator());
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command '--frobnicate'");
    }

    @Test
    void eachCommandExplainsItselfOnHelp() {
        assertThat(run("apikey", "--help")).isZero();
        assertThat(out()).contains("apikey create --name N --role viewer|operator|admin", "apikey revoke --name N");
        assertThat(run("help", "apikey")).isZero();
        assertThat(out()).contains("apikey list [--data-dir D]");
        assertThat(run("db", "--help")).isZero();
        assertThat(out()).contains("db quarantine release --router ID [--from FILE]", "FILE itself is not changed");
        assertThat(run("rotate-key", "-h")).isZero();
        assertThat(out()).contains("Usage: rotate-key [--data-dir D]");
        assertThat(run("simulate", "--help")).isZero();
        assertThat(out()).contains("--version V", "--control-port P3");
    }

    @Test
    void usageMistakesInACommandExitTwoAndNameTheMistake() {
        assertThat(run("apikey", "create", "--name", "a", "--name", "b")).isEqualTo(2);
        assertThat(err()).startsWith("apikey: option --name given twice").contains("Usage: apikey create");
        assertThat(run("rotate-key", "extra")).isEqualTo(2);
        assertThat(err()).startsWith("rotate-key: unexpected argument 'extra'");
        assertThat(run("db", "quarantine")).isEqualTo(2);
        assertThat(out()).contains("db quarantine list [--data-dir D]");
        assertThat(run("db", "frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("db: unknown sub-command 'frobnicate'");
        assertThat(run("db", "quarantine", "list", "--router", "x")).isEqualTo(2);
        assertThat(err()).startsWith("db quarantine: unknown option --router for 'list'");
        assertThat(run("simulate", "--port")).isEqualTo(2);
        assertThat(out()).contains("simulate: option --port needs a value");
    }

    @Test
    void anArgumentStartingWithAtIsAValueNotAnArgumentFile() {
        assertThat(run("apikey", "list", "--data-dir", "@" + dir.resolve("missing"))).isEqualTo(1);
        assertThat(err()).contains("@").contains("does not exist");
    }

    @Test
    void aBadServerConfigurationIsOneLineAndExitTwo() {
        Path missing = dir.resolve("missing.properties");
        assertThat(run(Map.of("NNC_CONFIG", missing.toString()), "serve")).isEqualTo(2);
        assertThat(err()).isEqualTo("nasnetconnect: config file " + missing + " (NNC_CONFIG) does not exist" + System.lineSeparator());
        assertThat(run(Map.of("NNC_CONFIG", missing.toString()))).as("no command is serve").isEqualTo(2);
        assertThat(err()).contains("(NNC_CONFIG) does not exist");
    }
}
