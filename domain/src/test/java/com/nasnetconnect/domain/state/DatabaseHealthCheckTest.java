package com.nasnetconnect.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseHealthCheckTest {
    @Test
    void reportsTheHealthTheDatabasesGiveQuarantinedRoutersByName() {
        var at = Instant.parse("2026-12-01T10:00:00Z");
        var quarantined = new DatabaseHealth.QuarantinedDatabase("lab", "Lab", "/data/quarantine/lab.db", "file is not a database", at);
        var health = new DatabaseHealth(true, Optional.empty(), 1, 64, List.of(quarantined), at);

        var check = new DatabaseHealthCheck(() -> health);

        assertThat(check.health()).isEqualTo(health);
        assertThat(check.health().ready()).isTrue();
        assertThat(check.health().quarantined().getFirst().problem()).contains("'Lab' (id 'lab')").doesNotContain("/data");
    }
}
