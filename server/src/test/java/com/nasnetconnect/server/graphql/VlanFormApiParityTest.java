package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.ui.resource.KindForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated VLAN form and the API give the same verdict and the same message for the same value, with the real
 * schema: each bad value is posted to /graphql with {@code createVlan} (HTTP, an operator's key) and judged by the
 * resource page's {@link KindForm} (the form model of {@code VlanInput}) over the same schema.graphql rules the
 * server validates with.
 */
class VlanFormApiParityTest {
    private static final ObjectMapper JSON = JsonMapper.shared();
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

            assertThat(formErrors(typed)).as("the form's messages for " + typed).isEqualTo(api);
        }
    }

    @Test
    void aValueBothAcceptIsReadByTheFormAsTheSchemasTypes() throws Exception {
        Typed good = new Typed(null, "iot", 4094, "ether2");
        assertThat(apiErrors(good)).isEmpty();

        assertThat(formErrors(good)).isEmpty();
        KindForm form = form();
        assertThat(KindForm.parse(form.field("vlanId").orElseThrow(), "4094")).isEqualTo(4094);
        assertThat(KindForm.parse(form.field("name").orElseThrow(), "iot")).isEqualTo("iot");
    }

    private static KindForm form() {
        return new KindForm(TestServer.directives().validationRules(), ResourceKind.VLAN);
    }

    /** What the generated VLAN form says beside each field when these values are typed: schema field → message. */
    private static Map<String, String> formErrors(Typed typed) {
        KindForm form = form();
        var out = new LinkedHashMap<String, String>();
        Map<String, String> text = Map.of("name", typed.name(), "vlanId", String.valueOf(typed.vlanId()), "interface", typed.iface());
        for (String field : List.of("name", "vlanId", "interface")) {
            form.problem(field, text.get(field)).ifPresent(m -> out.put(field, m));
        }
        return out;
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
        for (JsonNode e : errors) out.putIfAbsent(e.path("field").get(e.path("field").size() - 1).asString(), e.path("message").asString());
        return out;
    }
}
