package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command word the adapter itself sends (path, argument names, {@code .proplist}) exists in the real
 * command trees of both RouterOS versions ({@code /console/inspect} dumps). {@code /login} and {@code /cancel}
 * belong to the API protocol, not to the console tree, and are checked to stay exactly those.
 */
class CommandWordsTest {

    private static JsonNode tree(String version) throws IOException {
        try (var in = CommandWordsTest.class.getResourceAsStream("/routeros/inspect-" + version + ".json.gz")) {
            assertThat(in).as("inspect tree of %s on the classpath", version).isNotNull();
            return JsonMapper.shared().readTree(new GZIPInputStream(in));
        }
    }

    /** What is wrong with the command in this tree; empty when every word exists. */
    private static List<String> problems(JsonNode tree, RouterCommand command) {
        List<String> problems = new ArrayList<>();
        JsonNode node = tree;
        for (String word : command.path().substring(1).split("/")) {
            node = node.path(word);
            if (node.isMissingNode()) {
                problems.add(command.path() + ": no '" + word + "'");
                return problems;
            }
        }
        if (!"cmd".equals(node.path("_type").asString())) problems.add(command.path() + " is not a command");
        for (String arg : command.attributes().keySet()) {
            String name = arg.equals(".id") ? "numbers" : arg.startsWith(".") ? arg.substring(1) : arg;
            if (!"arg".equals(node.path(name).path("_type").asString())) problems.add(command.path() + ": no argument '" + arg + "'");
        }
        if (!command.proplist().isEmpty() && !"arg".equals(node.path("proplist").path("_type").asString())) {
            problems.add(command.path() + ": no proplist");
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void everyCommandTheGatewaySendsExistsInTheRouterOsTree(String version) throws IOException {
        JsonNode tree = tree(version);
        assertThat(RouterOsGateway.OWN_COMMANDS).isNotEmpty();
        for (RouterCommand command : RouterOsGateway.OWN_COMMANDS) {
            assertThat(problems(tree, command)).as("%s in %s", command, version).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void theCheckCatchesWordsRouterOsDoesNotHave(String version) throws IOException {
        JsonNode tree = tree(version);
        assertThat(problems(tree, RouterCommand.of("/system/resource/prnt"))).isNotEmpty();
        assertThat(problems(tree, RouterCommand.of("/system/package/print").with("bogus", "1"))).isNotEmpty();
        assertThat(problems(tree, RouterCommand.of("/system/resource"))).isNotEmpty();
        // a version difference the tree knows: /container/envs argument 'name' until 7.19, 'list' from 7.20
        var envs = RouterCommand.of("/container/envs/add").with("list", "x").with("key", "k").with("value", "v");
        assertThat(problems(tree, envs).isEmpty()).isEqualTo(version.equals("7.23.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void protocolCommandsAreNotConsoleCommands(String version) throws IOException {
        JsonNode tree = tree(version);
        assertThat(tree.path("login").isMissingNode()).isTrue();
        assertThat(tree.path("cancel").isMissingNode()).isTrue();
    }
}
