package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.forms.SchemaValidator;
import com.vaadin.flow.data.binder.ValueContext;
import graphql.GraphQLError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The same bad inputs, fed to the GraphQL API and to the Vaadin form validators built from the same schema
 * rules, get the same verdicts with the same messages.
 */
class FormAndApiParityTest {
    @AutoClose
    private final TestServer server = new TestServer();
    private final Principal operator = new Principal("op", Role.OPERATOR, true);

    private static final Map<String, Object> GOOD_VLAN = Map.of("name", "vlan10", "vlanId", 10, "interface", "ether1");

    /** field -> bad value; each is a complete input with exactly that field changed. */
    private static final List<Map.Entry<String, Object>> BAD_VLAN_VALUES = List.of(
            Map.entry("vlanId", 0),
            Map.entry("vlanId", 4095),
            Map.entry("name", ""),
            Map.entry("name", "a-name-far-too-long-for-routeros"),
            Map.entry("mtu", 20),
            Map.entry("comment", "x".repeat(256)));

    @Test
    void apiAndFormRejectTheSameBadVlanValuesWithTheSameMessages() {
        for (var bad : BAD_VLAN_VALUES) {
            var input = new HashMap<>(GOOD_VLAN);
            input.put(bad.getKey(), bad.getValue());
            assertThat(formVerdict("VlanInput", input)).as("bad " + bad).isNotEmpty().isEqualTo(apiVerdict("createVlan", input));
        }
    }

    @Test
    void apiAndFormAcceptTheSameGoodValues() {
        var input = new HashMap<String, Object>(GOOD_VLAN);
        input.put("mtu", 1500);
        assertThat(formVerdict("VlanInput", input)).isEmpty();
        assertThat(apiVerdict("createVlan", input)).isEmpty();
    }

    @Test
    void apiAndFormAgreeOnListsFormatsAndChoices() {
        var peer = new HashMap<String, Object>(Map.of("interface", "wg0",
                "publicKey", "kNOxdxBpoKdCDVPRKp4Fu70Ks7dBEEQtMv5ZxLUkq2E=",
                "allowedAddress", List.of("10.0.0.2/32", "10.0.0.300/24"), "endpointPort", 70000));
        assertThat(formVerdict("WireguardPeerInput", peer)).hasSize(2).isEqualTo(apiVerdict("createWireguardPeer", peer));
        var rule = new HashMap<String, Object>(Map.of("chain", "forward", "action", "explode", "dstPort", "80-99999"));
        assertThat(formVerdict("FirewallFilterInput", rule)).hasSize(2).isEqualTo(apiVerdict("createFirewallFilter", rule));
    }

    /** field -> message, from the Vaadin validators of each field of the input type. */
    private Map<String, String> formVerdict(String inputType, Map<String, Object> input) {
        var rules = TestServer.directives().validationRules();
        var verdict = new TreeMap<String, String>();
        for (String field : rules.rules(inputType).keySet()) {
            var result = SchemaValidator.of(rules, inputType, field).apply(input.get(field), new ValueContext());
            if (result.isError()) verdict.put(field, result.getErrorMessage());
        }
        return verdict;
    }

    /** field -> message, from the GraphQL errors of the mutation (first error per field, as a form shows). */
    private Map<String, String> apiVerdict(String mutation, Map<String, Object> input) {
        String inputType = Character.toUpperCase(mutation.charAt(6)) + mutation.substring(7) + "Input";
        var result = server.engine.execute(new GraphQlEngine.Request(
                "mutation($input: " + inputType + "!) { " + mutation + "(routerId: \"r1\", input: $input) { userErrors { message } } }",
                null, Map.of("input", new LinkedHashMap<>(input))), operator);
        var verdict = new TreeMap<String, String>();
        for (GraphQLError e : result.getErrors()) {
            String field = String.valueOf(e.getExtensions().get("field"));
            assertThat(field).startsWith("input.");
            String name = field.substring("input.".length()).replaceAll("\\[\\d+]$", "");
            String message = e.getMessage().substring(field.length() + 2);
            verdict.putIfAbsent(name, message);
        }
        return verdict;
    }
}
