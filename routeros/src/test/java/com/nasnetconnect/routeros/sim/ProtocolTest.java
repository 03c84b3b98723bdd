package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Protocol-level behaviour of the simulator seen through a raw client. */
@Timeout(20)
class ProtocolTest {

    private RouterOsSimulator sim;
    private RawApiClient client;

    @BeforeEach
    void start() throws Exception {
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").build().start();
        client = new RawApiClient(sim.apiPort());
        client.login("admin", "pw");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        sim.close();
    }

    @Test
    void answersResourcePrintWithOneReAndDone() throws Exception {
        List<List<String>> r = client.call("/system/resource/print", ".tag=7");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).getFirst()).isEqualTo("!re");
        assertThat(r.get(0)).contains("=board-name=CHR", ".tag=7");
        assertThat(r.get(1)).containsExactly("!done", ".tag=7");
    }
}
