package com.nasnetconnect.storage.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.update.UpdateRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accepted metadata and the update history as files: replaced whole, owner-only, read back newest first. */
class FileUpdateFilesTest {
    @TempDir Path dir;

    @Test
    void keepsTheNewestAcceptedMetadataPerRoleAcrossInstancesReplacingItWhole() throws Exception {
        new FileAcceptedMetadata(dir).save("timestamp", "v1".getBytes(StandardCharsets.UTF_8));
        new FileAcceptedMetadata(dir).save("timestamp", "v2".getBytes(StandardCharsets.UTF_8));

        var reopened = new FileAcceptedMetadata(dir);
        assertThat(reopened.load("timestamp")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("v2"));
        assertThat(reopened.load("targets")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("timestamp.json")))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("timestamp.json"); // no temporary file left
        }
    }

    @Test
    void readsTheHistoryNewestFirstSkippingALineCutByAPowerFailure() throws Exception {
        Path file = dir.resolve("history.jsonl");
        var history = new FileUpdateHistory(file);
        history.append(new UpdateRecord(Instant.parse("2026-12-01T10:00:00Z"), UpdateRecord.Kind.CHECK, "", true, "nothing newer"));
        Files.writeString(file, "{\"at\":\"2026-12-01T10:05", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
        history.append(new UpdateRecord(Instant.parse("2026-12-01T11:00:00Z"), UpdateRecord.Kind.DOWNLOAD, "1.1.0", false,
                "the download of 1.1.0.jar stalled: \"no data\""));

        var recent = new FileUpdateHistory(file).recent(10);

        assertThat(recent).extracting(UpdateRecord::kind).containsExactly(UpdateRecord.Kind.DOWNLOAD, UpdateRecord.Kind.CHECK);
        assertThat(recent.getFirst().detail()).isEqualTo("the download of 1.1.0.jar stalled: \"no data\"");
        assertThat(recent.getFirst().ok()).isFalse();
        assertThat(new FileUpdateHistory(file).recent(1)).hasSize(1);
    }

    @Test
    void keepsTheNewestFiveHundredRecords() {
        var history = new FileUpdateHistory(dir.resolve("history.jsonl"));
        for (int i = 0; i < 1_001; i++) {
            history.append(new UpdateRecord(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i), UpdateRecord.Kind.CHECK, "", true, "check " + i));
        }

        var all = history.recent(5_000);

        assertThat(all).hasSize(FileUpdateHistory.KEEP);
        assertThat(all.getFirst().detail()).isEqualTo("check 1000");
        assertThat(all.getLast().detail()).isEqualTo("check 501");
    }
}
