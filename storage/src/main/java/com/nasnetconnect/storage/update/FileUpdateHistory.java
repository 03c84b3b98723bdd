package com.nasnetconnect.storage.update;

import com.nasnetconnect.domain.update.CanonicalJson;
import com.nasnetconnect.domain.update.UpdateHistory;
import com.nasnetconnect.domain.update.UpdateRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link UpdateHistory} as one JSON object a line in {@code updates/history.jsonl}, the newest {@value #KEEP} kept
 * (rewritten atomically when it grows past twice that). Small: a device checks a few times a day.
 */
public final class FileUpdateHistory implements UpdateHistory {
    static final int KEEP = 500;
    private final Path file;

    public FileUpdateHistory(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void append(UpdateRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("kind", r.kind().name());
        m.put("version", r.version());
        m.put("ok", r.ok());
        m.put("detail", r.detail());
        try {
            com.nasnetconnect.storage.db.OwnerOnly.directory(file.getParent());
            com.nasnetconnect.storage.db.OwnerOnly.file(file);
            Files.write(file, (CanonicalJson.encodeToString(m) + "\n").getBytes(StandardCharsets.UTF_8),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            FileAcceptedMetadata.ownerOnly(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > 2 * KEEP) {
                FileAcceptedMetadata.writeAtomically(file, (String.join("\n", lines.subList(lines.size() - KEEP, lines.size())) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the update history " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<UpdateRecord> recent(int max) {
        if (!Files.isRegularFile(file)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the update history " + file + ": " + e.getMessage(), e);
        }
        List<UpdateRecord> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < max; i--) {
            if (lines.get(i).isBlank()) continue;
            try {
                Map<String, Object> m = CanonicalJson.parseObject(lines.get(i).getBytes(StandardCharsets.UTF_8));
                out.add(new UpdateRecord(Instant.parse((String) m.get("at")), UpdateRecord.Kind.valueOf((String) m.get("kind")),
                        (String) m.get("version"), Boolean.TRUE.equals(m.get("ok")), (String) m.get("detail")));
            } catch (RuntimeException e) {
                // a line cut by a power failure: skip it
            }
        }
        return out;
    }
}
