package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.update.AvailableUpdate;
import com.nasnetconnect.domain.update.Severity;
import com.nasnetconnect.domain.update.UpdatePolicy;
import com.nasnetconnect.domain.update.UpdateRecord;
import com.nasnetconnect.domain.update.UpdateSchedule;
import com.nasnetconnect.domain.update.UpdateState;
import com.nasnetconnect.domain.update.UpdateStatus;
import com.nasnetconnect.domain.update.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The issue's GraphQL names over HTTP: {@code updateStatus}, {@code checkForUpdates}, {@code applyUpdate(version:)}
 * with {@code UpdateStatus { currentVersion, available { version severity notes }, state, lastCheckAt, nextCheckAt,
 * lastError }}, translated from the {@link Updates} in-port (an in-memory one here; the checker itself is
 * SignedUpdatesTest's), and the roles the in-port enforces.
 */
@Timeout(60)
class UpdatesOverGraphQlTest {
    static final Instant CHECKED = Instant.parse("2026-12-01T09:00:00Z");
    @TempDir Path dir;
    BackendRig rig;
    final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    final Updates updates = new Updates() {
        UpdateStatus now = status(UpdateState.AWAITING_APPROVAL, Optional.empty());

        UpdateStatus status(UpdateState state, Optional<String> error) {
            return new UpdateStatus("1.0.0", Optional.of(new AvailableUpdate("2.0.0", Severity.MAJOR, "New dashboard")), state,
                    "major release 2.0.0: waits for your approval", Optional.of(CHECKED), Optional.of(CHECKED.plus(Duration.ofHours(6))),
                    error, new UpdateSchedule(Duration.ofHours(6), LocalTime.of(2, 0), LocalTime.of(6, 0), UpdatePolicy.AUTO, List.of("lte1"), 42));
        }

        public UpdateStatus status(Principal who) {
            who.require(com.nasnetconnect.domain.security.Role.VIEWER, "read");
            return now;
        }

        public UpdateStatus checkNow(Principal who) {
            who.require(com.nasnetconnect.domain.security.Role.OPERATOR, "check for updates");
            calls.add("check by " + who.name());
            now = status(UpdateState.FAILED, Optional.of("timestamp.json version 3 expired at 2026-11-30T00:00:00Z"));
            return now;
        }

        public UpdateStatus apply(Principal who, String version) {
            who.require(com.nasnetconnect.domain.security.Role.ADMIN, "apply an update");
            if (!version.equals("2.0.0")) throw InputRefused.of(List.of("version"), "version '" + version + "' is not available", version);
            calls.add("apply " + version);
            now = status(UpdateState.STAGED, Optional.empty());
            return now;
        }

        public List<UpdateRecord> history(Principal who, int max) {
            return List.of(new UpdateRecord(CHECKED, UpdateRecord.Kind.CHECK, "2.0.0", true, "metadata version 3 verified")).subList(0, Math.min(1, max));
        }

        public AutoCloseable follow(Principal who, Consumer<UpdateStatus> listener) {
            return () -> { };
        }
    };

    @Test
    void readsChecksAndAppliesUpdatesByTheIssuesNames() throws Exception {
        rig = new BackendRig(dir);
        rig.backend.withUpdates(updates);

        JsonNode s = rig.graphql("viewer-key", """
                { updateStatus { currentVersion available { version severity notes } state decision lastCheckAt nextCheckAt lastError
                  schedule { interval quietHours policy meteredInterfaces rolloutBucket } }
                  updateHistory(first: 5) { at kind version ok detail } }""").at("/data");
        assertThat(s.at("/updateStatus/currentVersion").asString()).isEqualTo("1.0.0");
        assertThat(s.at("/updateStatus/available/version").asString()).isEqualTo("2.0.0");
        assertThat(s.at("/updateStatus/available/severity").asString()).isEqualTo("MAJOR");
        assertThat(s.at("/updateStatus/available/notes").asString()).isEqualTo("New dashboard");
        assertThat(s.at("/updateStatus/state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(s.at("/updateStatus/lastCheckAt").asString()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(s.at("/updateStatus/nextCheckAt").asString()).isEqualTo("2026-12-01T15:00:00Z");
        assertThat(s.at("/updateStatus/lastError").isNull()).isTrue();
        assertThat(s.at("/updateStatus/schedule/interval").asString()).isEqualTo("6h");
        assertThat(s.at("/updateStatus/schedule/quietHours").asString()).isEqualTo("02:00-06:00");
        assertThat(s.at("/updateStatus/schedule/meteredInterfaces/0").asString()).isEqualTo("lte1");
        assertThat(s.at("/updateStatus/schedule/rolloutBucket").asInt()).isEqualTo(42);
        assertThat(s.at("/updateHistory/0/kind").asString()).isEqualTo("CHECK");

        JsonNode checked = rig.graphql("operator-key", "mutation { checkForUpdates { state lastError } }").at("/data/checkForUpdates");
        assertThat(checked.path("state").asString()).isEqualTo("FAILED");
        assertThat(checked.path("lastError").asString()).contains("expired");

        JsonNode refused = rig.graphql("admin-key", "mutation { applyUpdate(version: \"9.9.9\") { status { state } userErrors { field message value } } }")
                .at("/data/applyUpdate");
        assertThat(refused.at("/userErrors/0/field/0").asString()).isEqualTo("version");
        assertThat(refused.at("/userErrors/0/value").asString()).isEqualTo("9.9.9");

        JsonNode applied = rig.graphql("admin-key", "mutation { applyUpdate(version: \"2.0.0\") { status { state } userErrors { message } } }")
                .at("/data/applyUpdate");
        assertThat(applied.at("/status/state").asString()).isEqualTo("STAGED");
        assertThat(applied.path("userErrors")).isEmpty();
        assertThat(calls).containsExactly("check by operator", "apply 2.0.0");
    }

    @Test
    void viewersCannotCheckAndOperatorsCannotApply() throws Exception {
        rig = new BackendRig(dir);
        rig.backend.withUpdates(updates);

        JsonNode viewer = rig.graphql("viewer-key", "mutation { checkForUpdates { state } }");
        JsonNode operator = rig.graphql("operator-key", "mutation { applyUpdate(version: \"2.0.0\") { status { state } } }");

        assertThat(viewer.path("errors")).isNotEmpty();
        assertThat(operator.path("errors")).isNotEmpty();
        assertThat(calls).isEmpty();
    }
}
