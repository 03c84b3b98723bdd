package com.nasnetconnect.storage.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotTierLocationTest {
    @TempDir Path dir;

    @Test
    void twoServersWithTwoDataDirectoriesGetTwoHotTiersAndARestartFindsItsOwnAgain() throws Exception {
        Path tmpfs = Files.createDirectory(dir.resolve("shm"));
        var first = HotTierLocation.choose(Optional.empty(), tmpfs, dir.resolve("a"));
        var second = HotTierLocation.choose(Optional.empty(), tmpfs, dir.resolve("b"));
        var firstAgain = HotTierLocation.choose(Optional.empty(), tmpfs, dir.resolve("x/../a"));

        assertThat(first.directory()).isNotEqualTo(second.directory());
        assertThat(first.directory().getParent()).isEqualTo(tmpfs);
        assertThat(first.directory().getFileName().toString()).matches("nasnetconnect-[0-9a-f]{12}");
        assertThat(firstAgain.directory()).isEqualTo(first.directory());
        assertThat(first.warning()).isEmpty();
        assertThat(first.directory()).isDirectory();
    }

    @Test
    void aConfiguredDirectoryWinsAndAMissingTmpfsFallsBackToTheDataDirectoryWithAWarning() {
        var configured = HotTierLocation.choose(Optional.of(dir.resolve("mine").toString()), dir.resolve("shm"), dir.resolve("a"));
        assertThat(configured.directory()).isEqualTo(dir.resolve("mine").toAbsolutePath().normalize());

        var fallback = HotTierLocation.choose(Optional.empty(), dir.resolve("no-shm"), dir.resolve("a"));
        assertThat(fallback.directory()).isEqualTo(dir.resolve("a").resolve("events-hot").toAbsolutePath().normalize());
        assertThat(fallback.warning()).hasValueSatisfying(w -> assertThat(w).contains("NNC_EVENTS_HOT_DIR"));
    }
}
