package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouterOsDurationsTest {
    @Test
    void parsesRouterOsDurations() {
        assertThat(RouterOsDurations.parse("1w2d3h4m5s")).contains(Duration.ofDays(9).plusHours(3).plusMinutes(4).plusSeconds(5));
        assertThat(RouterOsDurations.parse("45s")).contains(Duration.ofSeconds(45));
        assertThat(RouterOsDurations.parse("5s120ms")).contains(Duration.ofMillis(5120));
        assertThat(RouterOsDurations.parse("2d 03:04:05")).contains(Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5));
    }

    @Test
    void rejectsAnythingElseWithoutThrowing() {
        assertThat(RouterOsDurations.parse("")).isEmpty();
        assertThat(RouterOsDurations.parse("3x")).isEmpty();
        assertThat(RouterOsDurations.parse("1h garbage")).isEmpty();
        assertThat(RouterOsDurations.parse(null)).isEmpty();
    }

    @Test
    void formatsLikeRouterOs() {
        assertThat(RouterOsDurations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(RouterOsDurations.format(Duration.ofSeconds(93784))).isEqualTo("1d2h3m4s");
        assertThat(RouterOsDurations.format(Duration.ofDays(8))).isEqualTo("1w1d");
    }
}
