package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformInfoMappingTest {

    @Test
    void readsVersionWithoutChannelBoardArchitectureAndEnabledPackages() {
        var info = RouterOsGateway.platformOf(
                Map.of("version", "7.19.4 (stable)", "board-name", "hAP ax^3", "architecture-name", "arm64"),
                List.of(Map.of("name", "routeros", "disabled", "false"), Map.of("name", "container", "disabled", "true"),
                        Map.of("name", "wifi-qcom")));
        assertThat(info.version()).isEqualTo("7.19.4");
        assertThat(info.boardName()).isEqualTo("hAP ax^3");
        assertThat(info.architecture()).isEqualTo("arm64");
        assertThat(info.packages()).containsExactlyInAnyOrder("routeros", "wifi-qcom");
        assertThat(info.hasPackage("container")).as("a disabled package is no capability").isFalse();
        assertThat(info.atLeast(7, 18)).isTrue();
    }

    @Test
    void refusesARouterThatReportsNoVersion() {
        assertThatThrownBy(() -> RouterOsGateway.platformOf(Map.of("board-name", "CHR"), List.of()))
                .isInstanceOf(RouterException.Protocol.class).hasMessageContaining("no version");
    }
}
