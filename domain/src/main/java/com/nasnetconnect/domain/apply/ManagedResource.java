package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Objects;
import java.util.Optional;

/** A resource as the store holds it now: its configuration and, once applied, its deployment. */
public record ManagedResource(DesiredResource desired, Optional<Confirmation> deployment) {
    public ManagedResource {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(deployment, "deployment");
    }

    public String id() {
        return desired.id();
    }

    public ResourceKind kind() {
        return desired.kind();
    }

    public Optional<String> nativeId() {
        return deployment.map(Confirmation::nativeId);
    }
}
