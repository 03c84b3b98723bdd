package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.List;
import java.util.Objects;

/**
 * What adopting a router would take under management, read without committing anything: per kind, how many
 * objects and the first few of them named in words ("guest", "10.0.0.1/24 on bridge1").
 *
 * @param kinds only kinds with something to adopt, in {@link ResourceKind} order
 */
public record AdoptPreview(List<KindCount> kinds) {
    public AdoptPreview {
        kinds = List.copyOf(kinds);
    }

    /** How many objects in all. */
    public int total() {
        return kinds.stream().mapToInt(KindCount::count).sum();
    }

    /** @param examples the first few objects of the kind, named; fewer than {@code count} when there are more */
    public record KindCount(ResourceKind kind, int count, List<String> examples) {
        public KindCount {
            Objects.requireNonNull(kind, "kind");
            if (count < 1) throw new IllegalArgumentException("a kind in a preview has at least one object, got " + count);
            examples = List.copyOf(examples);
        }
    }
}
