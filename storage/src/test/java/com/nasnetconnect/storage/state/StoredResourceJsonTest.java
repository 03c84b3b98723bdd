package com.nasnetconnect.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Metadata;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.Validation;
import com.nasnetconnect.domain.state.ValidationIssue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A resource's stored layers in the exact form the Jackson 2 code wrote them read back as the resource, and the
 * resource is written as the same text, so router databases from before the move to Jackson 3 load unchanged. The
 * texts below were written by that code.
 */
class StoredResourceJsonTest {
    static final String STATE = "{\"id\":\"0b6f1c2e-4d5a-4b7c-9e8f-1a2b3c4d5e6f\",\"kind\":\"VLAN\","
            + "\"configuration\":{\"name\":\"gäste/😀\",\"vlanId\":4094,\"interface\":\"ether1\",\"disabled\":false,"
            + "\"tags\":[\"a/b\",\"c \\\"d\\\"\"],\"comment\":\"</script> \\\\ \u2028\"},"
            + "\"validation\":{\"canApply\":false,\"errors\":[{\"field\":\"vlanId\",\"value\":\"4094\",\"code\":\"RANGE\","
            + "\"message\":\"must be below 4094/4095\"}],\"warnings\":[{\"field\":\"comment\",\"value\":\"\",\"code\":\"EMPTY\","
            + "\"message\":\"empty\"}],\"validatedAt\":\"2026-03-01T10:15:30.123456789Z\"},"
            + "\"deployment\":{\"nativeId\":\"*1A\",\"confirmed\":{\"name\":\"gäste/😀\",\"vlanId\":7},"
            + "\"appliedAt\":\"2026-03-01T10:16:00Z\",\"appliedBy\":\"api-key:ops/ci\","
            + "\"drift\":{\"differences\":[{\"field\":\"vlanId\",\"before\":7,\"after\":8},{\"field\":\"comment\",\"after\":\"by hand\"},"
            + "{\"field\":\"disabled\",\"before\":true}],\"missing\":false,\"checkedAt\":\"2026-03-01T10:17:00Z\"}},"
            + "\"metadata\":{\"createdAt\":\"2026-03-01T10:15:00Z\",\"createdBy\":\"admin\",\"updatedAt\":\"2026-03-01T10:16:00Z\","
            + "\"updatedBy\":\"api-key:ops/ci\",\"version\":3,\"tags\":[\"site/north\",\"ü\"],\"description\":\"Guests' VLAN / 😀\"},"
            + "\"dependsOn\":[\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"],"
            + "\"platform\":{\"current\":\"mikrotik\",\"capabilities\":[\"container\",\"wireguard\"]}}";
    static final String METRICS = "{\"rxBps\":1250000.5,\"txBps\":0.0,\"zero\":-2.5E-7}";

    static final RouterId ROUTER = new RouterId("lab-1");

    static Resource resource() {
        var config = new LinkedHashMap<String, Object>();
        config.put("name", "gäste/😀");
        config.put("vlanId", 4094L);
        config.put("interface", "ether1");
        config.put("disabled", false);
        config.put("tags", List.of("a/b", "c \"d\""));
        config.put("comment", "</script> \\ \u2028");
        var validation = new Validation(false, List.of(new ValidationIssue("vlanId", "4094", "RANGE", "must be below 4094/4095")),
                List.of(new ValidationIssue("comment", "", "EMPTY", "empty")), Optional.of(Instant.parse("2026-03-01T10:15:30.123456789Z")));
        var drift = new Drift(List.of(new FieldDifference("vlanId", Optional.of(7L), Optional.of(8L)),
                new FieldDifference("comment", Optional.empty(), Optional.of("by hand")),
                new FieldDifference("disabled", Optional.of(true), Optional.empty())), false, Instant.parse("2026-03-01T10:17:00Z"));
        var deployment = new Deployment("*1A", Fields.of("name", "gäste/😀", "vlanId", 7L), Instant.parse("2026-03-01T10:16:00Z"),
                "api-key:ops/ci", Optional.of(drift));
        var metadata = new Metadata(Instant.parse("2026-03-01T10:15:00Z"), "admin", Instant.parse("2026-03-01T10:16:00Z"),
                "api-key:ops/ci", 3, List.of("site/north", "ü"), "Guests' VLAN / 😀");
        return new Resource(ResourceId.parse("0b6f1c2e-4d5a-4b7c-9e8f-1a2b3c4d5e6f"), ROUTER, ResourceKind.VLAN, new Fields(config),
                validation, Optional.of(deployment), Optional.<RuntimeState>empty(), Telemetry.EMPTY, metadata,
                Relationships.dependsOn(ResourceId.parse("7c9e6679-7425-40de-944b-e07fc1f90ae7")),
                new Platform("mikrotik", Set.of("wireguard", "container")));
    }

    static Map<String, Double> metrics() {
        var m = new LinkedHashMap<String, Double>();
        m.put("txBps", 0.0);
        m.put("rxBps", 1250000.5);
        m.put("zero", -2.5E-7);
        return m;
    }

    @Test
    void aStateStoredByTheJackson2CodeReadsBackAsTheResource() {
        Resource read = ResourceJson.state(ROUTER, STATE);

        assertThat(read).isEqualTo(resource());
        assertThat(read.configuration().values().keySet()).containsExactly("name", "vlanId", "interface", "disabled", "tags", "comment");
    }

    @Test
    void aResourceIsStoredAsTheJackson2CodeStoredIt() {
        assertThat(ResourceJson.state(resource())).isEqualTo(STATE);
    }

    @Test
    void metricsStoredByTheJackson2CodeReadBackAndAreStoredTheSameWay() {
        assertThat(ResourceJson.metrics(ResourceJson.read(METRICS))).isEqualTo(metrics());
        assertThat(ResourceJson.write(ResourceJson.metrics(metrics()))).isEqualTo(METRICS);
    }

    @Test
    void aStateWithoutDeploymentOrValidationTimeReadsBackWithoutThem() {
        Resource bare = Resource.create(ResourceId.parse("0b6f1c2e-4d5a-4b7c-9e8f-1a2b3c4d5e6f"), ROUTER, ResourceKind.BRIDGE,
                Fields.of("name", "br0"), Relationships.NONE, Platform.MIKROTIK, Instant.parse("2026-03-01T10:15:00Z"), "admin");
        String text = "{\"id\":\"0b6f1c2e-4d5a-4b7c-9e8f-1a2b3c4d5e6f\",\"kind\":\"BRIDGE\",\"configuration\":{\"name\":\"br0\"},"
                + "\"validation\":{\"canApply\":false,\"errors\":[],\"warnings\":[]},"
                + "\"metadata\":{\"createdAt\":\"2026-03-01T10:15:00Z\",\"createdBy\":\"admin\",\"updatedAt\":\"2026-03-01T10:15:00Z\","
                + "\"updatedBy\":\"admin\",\"version\":1,\"tags\":[],\"description\":\"\"},\"dependsOn\":[],"
                + "\"platform\":{\"current\":\"mikrotik\",\"capabilities\":[]}}";

        assertThat(ResourceJson.state(ROUTER, text)).isEqualTo(bare);
        assertThat(ResourceJson.state(bare)).isEqualTo(text);
    }
}
