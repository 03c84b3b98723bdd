package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class PersistenceAndSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheConfigurationAcrossRestartsThroughTheStateFile() throws Exception {
        Path file = dir.resolve("router.json");
        String wgPublic;
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").stateFile(file).build()
                .start(); RawApiClient c = SimTestSupport.login(sim)) {
            ok(c, "/system/identity/set", "=name=persisted");
            ok(c, "/interface/vlan/add", "=name=v7", "=vlan-id=7", "=interface=ether1");
            ok(c, "/ip/address/add", "=address=10.7.0.1/24", "=interface=v7");
            ok(c, "/ip/address/add", "=address=10.8.0.1/24", "=interface=ether2");
            ok(c, "/ip/address/remove", "=numbers=*2");
            ok(c, "/interface/wireguard/add", "=name=wg0");
            wgPublic = row(c, "/interface/wireguard/print").get("public-key");
        }
        assertThat(Files.readString(file)).contains("persisted");
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").stateFile(file).build()
                .start(); RawApiClient c = SimTestSupport.login(sim)) {
            assertThat(row(c, "/system/identity/print")).containsEntry("name", "persisted");
            assertThat(row(c, "/ip/address/print")).containsEntry("interface", "v7").containsEntry(".id", "*1");
            assertThat(row(c, "/interface/wireguard/print")).containsEntry("public-key", wgPublic);
            // ids are never reused, even after a restart
            assertThat(ok(c, "/ip/address/add", "=address=10.9.0.1/24", "=interface=ether2")).isEqualTo("*3");
        }
    }

    /**
     * state/written-by-jackson2.json is a state file as the simulator wrote it while it used Jackson 2 (identity set
     * to a name with '/', quotes and an emoji; a VLAN; an address added, another removed). Its routers keep their
     * configuration, and saving it again writes the same bytes.
     */
    @Test
    void readsAStateFileWrittenByTheJackson2SimulatorAndWritesItBackUnchanged() throws Exception {
        byte[] old;
        try (var in = getClass().getResourceAsStream("/state/written-by-jackson2.json")) {
            old = in.readAllBytes();
        }
        Path file = dir.resolve("old.json");
        Files.write(file, old);
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").stateFile(file).build()
                .start(); RawApiClient c = SimTestSupport.login(sim)) {
            assertThat(row(c, "/system/identity/print")).containsEntry("name", "Büro/Lab \"1\" \uD83D\uDE00");
            assertThat(row(c, "/interface/vlan/print")).containsEntry("name", "v7").containsEntry("vlan-id", "7")
                    .containsEntry("comment", "uplink/a <b> & c\\d");
            assertThat(SimTestSupport.rows(c, "/ip/address/print")).singleElement()
                    .satisfies(a -> assertThat(a).containsEntry(".id", "*1").containsEntry("address", "10.7.0.1/24")
                            .containsEntry("interface", "v7"));
        }
        assertThat(Files.readString(file)).isEqualTo(new String(old, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theStateFileHoldsTheRoutersSecretsSoOnlyItsOwnerMayReadIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("owner-only.json");
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").stateFile(file).build()
                .start(); RawApiClient c = SimTestSupport.login(sim)) {
            ok(c, "/interface/wireguard/add", "=name=wg0");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").stateFile(file).build().start()) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as("an existing file is tightened on start").isEqualTo("rw-------");
        }
    }

    @Test
    void savesSoonAfterAChangeWithoutWaitingForClose() throws Exception {
        Path file = dir.resolve("live.json");
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").stateFile(file).build()
                .start(); RawApiClient c = SimTestSupport.login(sim)) {
            ok(c, "/system/identity/set", "=name=debounced");
            for (int i = 0; i < 100 && !(Files.exists(file) && Files.readString(file).contains("debounced")); i++) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(file)).contains("debounced");
        }
    }

    @Test
    void aSnapshotDiffListsWhatChangedOnTheRouter() {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().credentials("admin", "pw").build().start();
             RawApiClient c = SimTestSupport.login(sim)) {
            ok(c, "/ip/pool/add", "=name=old", "=ranges=10.0.0.1-10.0.0.9");
            SimulatorState before = sim.snapshot();
            ok(c, "/system/identity/set", "=name=R2");
            ok(c, "/ip/pool/remove", "=numbers=old");
            ok(c, "/ip/address/add", "=address=10.0.0.1/24", "=interface=ether1");
            SimulatorState after = sim.snapshot();
            assertThat(before.diff(after)).extracting(Object::toString).containsExactly(
                    "+ /ip/address *1 address=10.0.0.1/24 disabled=false interface=ether1 network=10.0.0.0",
                    "- /ip/pool *1 name=old ranges=10.0.0.1-10.0.0.9",
                    "~ /system/identity name: MikroTik -> R2");
            assertThat(after.diff(sim.snapshot())).isEmpty();
            assertThat(after.find("/ip/address", "interface", "ether1")).containsEntry("address", "10.0.0.1/24");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCorruptStateFileFailsStartNamingTheFile() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouterOsSimulator.builder().stateFile(file).build()
                .start()).hasMessageContaining("cannot read simulator state file").hasMessageContaining("broken.json");
        assertThat(Files.readString(file)).isEqualTo("{ not json");
    }
}
