package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Resource.runtime and Resource.telemetry over GraphQL after the poller polled the simulator twice. */
@Timeout(60)
class TelemetryOverGraphQlTest {
    @TempDir Path dir;
    BackendRig rig;

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void aVlansTelemetryHasPointsFromTheHotTierAndItsRuntimeTheLatestCountersAfterTwoPolls() throws Exception {
        rig = new BackendRig(dir);
        String router = rig.addSimRouter();
        JsonNode created = rig.graphql("operator-key", """
                mutation($router: ID!) { createVlan(routerId: $router, input: {name: "v30", vlanId: 30, interface: "ether1"}) {
                  resource { uuid } userErrors { message } } }""", "router", router).at("/data/createVlan");
        assertThat(created.path("userErrors")).isEmpty();
        String uuid = created.at("/resource/uuid").asString();
        var r = rig.routers.find(new RouterId(router)).orElseThrow();

        rig.poller.poll(r);
        rig.clock.advance(Duration.ofSeconds(5));
        rig.poller.poll(r);
        rig.hot.flush();

        JsonNode res = rig.graphql("viewer-key", """
                query($uuid: ID!) { resource(uuid: $uuid) { runtime { running observedAt values } telemetry { points { at metric value } } } }""",
                "uuid", uuid).at("/data/resource");
        assertThat(res.at("/runtime/running").asBoolean()).isTrue();
        assertThat(res.at("/runtime/values/rxBytes").asLong()).isPositive();
        assertThat(res.at("/runtime/values").has("rxBps")).isTrue();
        assertThat(res.at("/runtime/observedAt").asString()).isEqualTo(rig.clock.instant().toString());
        JsonNode points = res.at("/telemetry/points");
        assertThat(points).isNotEmpty();
        var rxBps = new java.util.ArrayList<Double>();
        points.forEach(p -> {
            if (p.path("metric").asString().equals("rxBps")) rxBps.add(p.path("value").asDouble());
        });
        // the simulator here runs on the real clock (a few ms between the polls): rates > 0 are the adapter test's
        assertThat(rxBps).hasSize(1).allMatch(v -> v >= 0);
    }
}
