package com.nasnetconnect.domain.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code targets.json}: the releases (newest last) and, optionally, the service catalog file with its own version:
 * {@code signed = {_type: targets, version, expires, releases: [...], catalog: {version, file: {name, length,
 * sha256}}}}.
 */
public record TargetsMetadata(SignedMetadata file, List<Release> releases, Optional<CatalogTarget> catalog) {
    /** The service catalog the repository offers: a version that only grows, and the file. */
    public record CatalogTarget(long version, TargetFile file) {
    }

    public TargetsMetadata {
        releases = List.copyOf(releases);
    }

    /** The newest release by version, if any. */
    public Optional<Release> newest() {
        return releases.stream().max(Comparator.comparing(Release::version, Versions.ORDER));
    }

    public Optional<Release> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static TargetsMetadata of(SignedMetadata file) {
        try {
            List<Release> releases = new ArrayList<>();
            if (file.signed().get("releases") instanceof List<?> l) {
                for (Object o : l) {
                    if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("a release is not an object");
                    releases.add(Release.of((Map<String, Object>) m));
                }
            }
            Optional<CatalogTarget> catalog = Optional.empty();
            if (file.signed().get("catalog") instanceof Map<?, ?> c) {
                Map<String, Object> cm = (Map<String, Object>) c;
                if (!(cm.get("file") instanceof Map<?, ?> f)) throw new IllegalArgumentException("the catalog has no file");
                catalog = Optional.of(new CatalogTarget(SignedMetadata.number(cm, "version"), TargetFile.of((Map<String, Object>) f)));
            }
            return new TargetsMetadata(file, releases, catalog);
        } catch (IllegalArgumentException e) {
            throw new MetadataRefused("targets.json version " + file.version() + " is not valid: " + e.getMessage());
        }
    }

    public static Map<String, Object> signedPart(long version, String expires, List<Release> releases, Optional<CatalogTarget> catalog) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_type", "targets");
        m.put("version", version);
        m.put("expires", expires);
        m.put("releases", releases.stream().map(Release::json).toList());
        catalog.ifPresent(c -> m.put("catalog", Map.of("version", c.version(), "file", c.file().json())));
        return m;
    }
}
