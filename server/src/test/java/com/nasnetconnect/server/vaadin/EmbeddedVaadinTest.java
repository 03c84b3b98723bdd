package com.nasnetconnect.server.vaadin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EmbeddedVaadinTest {

    @Test
    void everyPushWebSocketOpenedAfterStartGetsSmallAssemblyBuffersNotVaadins16Ki() throws Exception {
        try (EmbeddedVaadin vaadin = new EmbeddedVaadin()) {
            vaadin.start();
            assertThat(vaadin.pushAssemblyBuffer()).isEqualTo(EmbeddedVaadin.PUSH_ASSEMBLY_BUFFER).isLessThan(16 * 1024);
        }
    }

    @Test
    void anIdleSessionIsReclaimedAfterFiveMinutesNotAfterTheServletDefaultHalfHour() throws Exception {
        // The web application context this replaced read Jetty's default descriptor at start, whose 30-minute
        // session-timeout overrode the five minutes set here.
        try (EmbeddedVaadin vaadin = new EmbeddedVaadin()) {
            vaadin.start();
            assertThat(vaadin.sessionTimeoutSeconds()).isEqualTo(EmbeddedVaadin.SESSION_TIMEOUT_SECONDS).isEqualTo(5 * 60);
        }
    }
}
