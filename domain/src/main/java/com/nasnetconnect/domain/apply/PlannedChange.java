package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a plan as a client asked for it, before anything is checked: create a resource of this kind
 * with these fields (no uuid: the server assigns one), update the resource with this uuid (the fields given
 * replace the stored ones, the others keep their value, an empty string clears a field), or delete it (no
 * fields). {@link ResourceChanges#applyPlan} checks it and names what is wrong.
 *
 * @param uuid as the client gave it (it may name nothing, or not be a uuid at all)
 */
public record PlannedChange(Op op, ResourceKind kind, Optional<String> uuid, Fields configuration) {
    public enum Op { CREATE, UPDATE, DELETE }

    public PlannedChange {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(configuration, "configuration");
    }
}
