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
}
