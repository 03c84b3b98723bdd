package com.nasnetconnect.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsNeedNoConfiguration() {
        ServerConfig c = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString()));
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.demo()).isTrue();
        assertThat(c.demoApiPort()).isEqualTo(8728);
        assertThat(c.adminPassword()).isEmpty();
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void environmentBeatsTheConfigFile() throws Exception {
        Files.writeString(dir.resolve("nasnetconnect.properties"), "port=9000\ndemo=false\ndemo-api-port=18728\n");
        ServerConfig c = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_PORT", "9100"));
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.demo()).isFalse();
        assertThat(c.demoApiPort()).isEqualTo(18728);
    }

    @Test
    void aBadValueIsNamedWithItsOrigin() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_PORT", "80a")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NNC_PORT must be a whole number from 1 to 65535, not '80a'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_DEMO", "maybe")))
                .hasMessageContaining("NNC_DEMO must be true or false, not 'maybe'");
    }

    @Test
    void eventSettingsDefaultToTheIssuesRetentionAndNoColdTier() {
        ServerConfig c = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString()));

        assertThat(c.eventsHotDir()).isEmpty();
        assertThat(c.eventsColdDir()).isEmpty();
        assertThat(c.eventRetention()).isEqualTo(com.nasnetconnect.domain.events.EventRetention.defaults());
    }

    @Test
    void eventRetentionsAreDurationsAndABadOneIsNamed() {
        ServerConfig c = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_EVENTS_RETENTION_CRITICAL", "90d",
                "NNC_EVENTS_RETENTION_NORMAL", "12h", "NNC_EVENTS_RETENTION_LOW", "2h", "NNC_EVENTS_COLD_DIR", "/mnt/usb",
                "NNC_EVENTS_HOT_DIR", "/run/nnc"));
        var r = c.eventRetention();

        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.CRITICAL, "resource.created").warm()).isEqualTo(Duration.ofDays(90));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.NORMAL, "service.state").hot()).isEqualTo(Duration.ofHours(12));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.NORMAL, "service.state").warm()).isEqualTo(Duration.ofHours(12));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.LOW, "telemetry.interface").hot()).isEqualTo(Duration.ofHours(2));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.LOW, "telemetry.interface").warmKept()).isFalse();
        assertThat(c.eventsColdDir()).contains(Path.of("/mnt/usb"));
        assertThat(c.eventsHotDir()).contains("/run/nnc");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_EVENTS_RETENTION_NORMAL", "1 week")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NNC_EVENTS_RETENTION_NORMAL must be a duration written like 0s, 90s, 12h or 30d, not '1 week'");
    }

    @Test
    void retentionIsSetPerEventTypeOverItsClassAndABadEntryIsNamed() {
        var r = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(),
                "NNC_EVENTS_RETENTION_TYPES", "service.state=30d, telemetry.interface=hot:6h")).eventRetention();

        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.NORMAL, "service.state").warm()).isEqualTo(Duration.ofDays(30));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.NORMAL, "router.unreachable").warm()).isEqualTo(Duration.ofDays(7));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.LOW, "telemetry.interface").hot()).isEqualTo(Duration.ofHours(6));
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.LOW, "telemetry.interface").warmKept()).isFalse();
        assertThat(r.keep(com.nasnetconnect.domain.events.EventClass.LOW, "telemetry.router").hot()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_EVENTS_RETENTION_TYPES", "service.state=forever")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NNC_EVENTS_RETENTION_TYPES").hasMessageContaining("'service.state=forever' is not one");
    }

    @Test
    void theServiceCheckIntervalIsTwoSecondsUnlessADurationIsGiven() {
        assertThat(ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString())).serviceCheckInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_SERVICE_CHECK_INTERVAL", "30s"))
                .serviceCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_SERVICE_CHECK_INTERVAL", "fast")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NNC_SERVICE_CHECK_INTERVAL must be a number and a unit from 1s to 60m, such as 2s or 1m, not 'fast'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_SERVICE_CHECK_INTERVAL", "2h")))
                .hasMessageContaining("not '2h'");
    }

    @Test
    void theTelemetryIntervalIsFiveSecondsUnlessADurationLike90sIsGiven() {
        assertThat(ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString())).telemetryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_TELEMETRY_INTERVAL", "90s"))
                .telemetryInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_TELEMETRY_INTERVAL", "0s")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NNC_TELEMETRY_INTERVAL must be a whole number and a unit from 1s to 1h, like 5s, 90s or 12h, not '0s'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_TELEMETRY_INTERVAL", "2h")))
                .hasMessageContaining("not '2h'");
    }

    @Test
    void theGraphQlRateIs50PerKeyWithBurstsOfTwiceTheRateUnlessSet() {
        ServerConfig defaults = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString()));
        assertThat(defaults.graphQlRate()).isEqualTo(50);
        assertThat(defaults.graphQlBurst()).isEqualTo(100);

        ServerConfig faster = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_GRAPHQL_RATE", "400"));
        assertThat(faster.graphQlRate()).isEqualTo(400);
        assertThat(faster.graphQlBurst()).isEqualTo(800);

        ServerConfig both = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_GRAPHQL_RATE", "5",
                "NNC_GRAPHQL_BURST", "7"));
        assertThat(both.graphQlRate()).isEqualTo(5);
        assertThat(both.graphQlBurst()).isEqualTo(7);
    }

    @Test
    void aBadGraphQlRateOrBurstStopsTheStartNamingTheVariableAndTheValue() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_GRAPHQL_RATE", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NNC_GRAPHQL_RATE must be a whole number from 1 to 1000000, not '0'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_GRAPHQL_RATE", "fast")))
                .hasMessage("environment variable NNC_GRAPHQL_RATE must be a whole number from 1 to 1000000, not 'fast'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_GRAPHQL_BURST", "-3")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NNC_GRAPHQL_BURST must be a whole number from 1 to 10000000, not '-3'");
    }

    @Test
    void theGraphQlRateMayComeFromTheConfigFile() throws Exception {
        Files.writeString(dir.resolve("nasnetconnect.properties"), "graphql-rate=20\ngraphql-burst=abc\n");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString())))
                .hasMessage(dir.resolve("nasnetconnect.properties") + " key graphql-burst must be a whole number from 1 to 10000000, not 'abc'");
        Files.writeString(dir.resolve("nasnetconnect.properties"), "graphql-rate=20\n");
        assertThat(ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString())).graphQlRate()).isEqualTo(20);
    }

    @Test
    void aBrokenConfigFileIsOneClearLine() throws Exception {
        Path file = dir.resolve("broken.properties");
        Files.writeString(file, "prot=8080\n");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'prot'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("NNC_CONFIG", dir.resolve("missing.properties").toString())))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theAdminPasswordIsASecret() {
        ServerConfig c = ServerConfig.load(Map.of("NNC_DATA_DIR", dir.toString(), "NNC_ADMIN_PASSWORD", "s3cret-pass"));
        assertThat(c.adminPassword()).hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("s3cret-pass"));
        assertThat(c.toString()).doesNotContain("s3cret-pass");
    }
}
