package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.AdoptPreview;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adopt preview ("Test connection" in the add-router wizard) against the simulator over TCP: it counts what
 * adopt then takes, kind by kind, and neither commits nor writes anything.
 */
@Timeout(60)
class AdoptPreviewOnSimulatorTest {
    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void thePreviewCountsAndNamesWhatAdoptThenTakesAndChangesNothing() {
        try (var r = new SimRouter("7.16.2", clock)) {
            try (var setup = new Server(dir.resolve("setup"), Duration.ofSeconds(30), clock)) {
                setup.apply.apply(r.router, Plans.tenObjects());
            }
            try (var server = new Server(dir.resolve("fresh"), Duration.ofSeconds(30), clock)) {
                var before = r.sim.snapshot();

                AdoptPreview preview = server.adopt.preview(r.router.endpoint(), EnumSet.allOf(ResourceKind.class), 3);

                assertThat(before.diff(r.sim.snapshot())).isEmpty();
                assertThat(server.resources(r.router.id())).isEmpty();
                assertThat(server.published).isEmpty();
                assertThat(preview.kinds()).anySatisfy(k -> {
                    assertThat(k.kind()).isEqualTo(ResourceKind.VLAN);
                    assertThat(k.examples()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
                });

                var adopted = server.adopt.adopt(r.router, EnumSet.allOf(ResourceKind.class), "onboarding");

                Map<ResourceKind, Long> taken = adopted.stream()
                        .collect(Collectors.groupingBy(m -> m.resource().kind(), Collectors.counting()));
                assertThat(preview.kinds()).allSatisfy(k -> assertThat(taken.get(k.kind())).isEqualTo((long) k.count()));
                assertThat(preview.total()).isEqualTo(adopted.size());
                assertThat(server.adopt.preview(r.router, EnumSet.allOf(ResourceKind.class), 3).kinds()).isEmpty();
            }
        }
    }
}
