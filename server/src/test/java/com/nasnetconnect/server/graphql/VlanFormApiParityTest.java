package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nasnetconnect.domain.schema.types.VlanInput;
import com.nasnetconnect.ui.resources.VlanForm;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The VLAN screen's form and the API give the same verdict and the same message for the same value, with the real
 * schema: each bad value is posted to /graphql with {@code createVlan} (HTTP, an operator's key) and typed into the
 * real {@link VlanForm} built from the same schema.graphql rules the server validates with.
 */
class VlanFormApiParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AutoClose
    private final TestServer server = new TestServer();

    /** One VLAN as a user would type it; {@code bad} names the schema field whose value breaks a rule, if any. */
    record Typed(String bad, String name, int vlanId, String iface) {
    }

    private static final List<Typed> BAD = List.of(
            new Typed("vlanId", "iot", 0, "ether2"),
            new Typed("vlanId", "iot", 4095, "ether2"),
            new Typed("vlanId", "iot", -7, "ether2"),
            new Typed("name", "", 42, "ether2"),
            new Typed("name", "a-name-far-too-long-for-routeros", 42, "ether2"),
            new Typed("interface", "iot", 42, ""),
            new Typed("interface", "iot", 42, "e".repeat(65)));

    @Test
    void theFormAndTheApiRefuseEachBadValueWithTheSameMessage() throws Exception {
        for (Typed typed : BAD) {
            Map<String, String> api = apiErrors(typed);
            assertThat(api).as("API verdict on " + typed).containsOnlyKeys(typed.bad());

            VlanForm form = form();
            List<VlanInput> sent = new ArrayList<>();
            List<Boolean> rejected = new ArrayList<>();
            form.addAddListener(e -> sent.add(e.input()));
            form.addRejectedListener(e -> rejected.add(true));
            type(form, typed);
            form.submit();

            assertThat(sent).as("the form sends nothing for " + typed).isEmpty();
            assertThat(rejected).as("the form refuses " + typed).hasSize(1);
            assertThat(form.errors()).as("the form's messages for " + typed).isEqualTo(api);
        }
    }

    @Test
    void aValueBothAcceptIsSentByTheFormAsTheSchemasInput() throws Exception {
        Typed good = new Typed(null, "iot", 4094, "ether2");
        assertThat(apiErrors(good)).isEmpty();

        VlanForm form = form();
        List<VlanInput> sent = new ArrayList<>();
        form.addAddListener(e -> sent.add(e.input()));
        type(form, good);
        form.submit();

        assertThat(form.errors()).isEmpty();
        assertThat(sent).singleElement().satisfies(input -> {
            assertThat(input.getName()).isEqualTo("iot");
            assertThat(input.getVlanId()).isEqualTo(4094);
            assertThat(input.getInterface()).isEqualTo("ether2");
        });
    }

    private static VlanForm form() {
        return new VlanForm(TestServer.directives().validationRules());
    }

    /** Types into the form's fields, found by the element ids the browser tests use. */
    private static void type(VlanForm form, Typed typed) {
        field(form, "vlan-name", TextField.class).setValue(typed.name());
        field(form, "vlan-id", IntegerField.class).setValue(typed.vlanId());
        field(form, "vlan-interface", TextField.class).setValue(typed.iface());
    }

    private static <T extends Component> T field(VlanForm form, String id, Class<T> type) {
        return form.getChildren().filter(c -> c.getId().equals(Optional.of(id))).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no field #" + id));
    }

    /** The API's userErrors for createVlan with these values: schema field → message. */
    private Map<String, String> apiErrors(Typed typed) throws Exception {
        var input = new LinkedHashMap<String, Object>();
        input.put("name", typed.name());
        input.put("vlanId", typed.vlanId());
        input.put("interface", typed.iface());
        String body = JSON.writeValueAsString(Map.of(
                "query", "mutation($input: VlanInput!) { createVlan(routerId: \"r1\", input: $input) { userErrors { field message } } }",
                "variables", Map.of("input", input)));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer operator-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode errors = JSON.readTree(response.body()).path("data").path("createVlan").path("userErrors");
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode e : errors) out.putIfAbsent(e.path("field").get(e.path("field").size() - 1).asText(), e.path("message").asText());
        return out;
    }
}
