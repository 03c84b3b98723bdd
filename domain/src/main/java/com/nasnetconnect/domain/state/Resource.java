package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One managed router object in Universal State v2, with its eight layers:
 * <ol>
 *   <li>{@code configuration}: user intent (domain field names);</li>
 *   <li>{@code validation}: can it be applied, errors and warnings naming field and value;</li>
 *   <li>{@code deployment}: what the router confirmed after apply (empty until applied);</li>
 *   <li>{@code runtime}: what is happening now (empty until observed);</li>
 *   <li>{@code telemetry}: recent history;</li>
 *   <li>{@code metadata}: created/updated by and at, version, tags, description;</li>
 *   <li>{@code relationships}: dependsOn (stored) and dependents (derived);</li>
 *   <li>{@code platform}: current platform and capabilities.</li>
 * </ol>
 * Immutable. The {@code with…} methods that change intent or router reality return the next version
 * (version + 1, updatedAt/By set); {@link #withRuntime} and {@link #withTelemetry} do not, as they are
 * observations.
 */
public record Resource(ResourceId id, RouterId routerId, ResourceKind kind, Fields configuration,
                       Validation validation, Optional<Deployment> deployment, Optional<RuntimeState> runtime,
                       Telemetry telemetry, Metadata metadata, Relationships relationships, Platform platform) {
    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(relationships, "relationships");
        Objects.requireNonNull(platform, "platform");
        if (relationships.dependsOn().contains(id)) {
            throw new IllegalArgumentException("resource " + id + " cannot depend on itself");
        }
    }

    /** A new resource (version 1): configured, not validated, not deployed. */
    public static Resource create(ResourceId id, RouterId routerId, ResourceKind kind, Fields configuration,
                                  Relationships relationships, Platform platform, Instant at, String by) {
        return new Resource(id, routerId, kind, configuration, Validation.notValidated(), Optional.empty(),
                Optional.empty(), Telemetry.EMPTY, Metadata.created(at, by),
                new Relationships(relationships.dependsOn(), java.util.Set.of()), platform);
    }

    /** The {@code name} configuration field, or the kind and id when the resource has none (e.g. a rule). */
    public String displayName() {
        return configuration.string("name").orElse(kind.name().toLowerCase() + " " + id);
    }

    /** New intent: the validation layer goes back to "not validated". */
    public Resource withConfiguration(Fields newConfiguration, Instant at, String by) {
        return new Resource(id, routerId, kind, newConfiguration, Validation.notValidated(), deployment, runtime,
                telemetry, metadata.next(at, by), relationships, platform);
    }

    public Resource withValidation(Validation newValidation, Instant at, String by) {
        return new Resource(id, routerId, kind, configuration, newValidation, deployment, runtime, telemetry,
                metadata.next(at, by), relationships, platform);
    }

    /** Router reality after an apply (or adopt); empty when the object was removed from the router. */
    public Resource withDeployment(Optional<Deployment> newDeployment, Instant at, String by) {
        return new Resource(id, routerId, kind, configuration, validation, newDeployment, runtime, telemetry,
                metadata.next(at, by), relationships, platform);
    }

    public Resource withDependsOn(java.util.Set<ResourceId> dependsOn, Instant at, String by) {
        return new Resource(id, routerId, kind, configuration, validation, deployment, runtime, telemetry,
                metadata.next(at, by), new Relationships(dependsOn, relationships.dependents()), platform);
    }

    public Resource withPlatform(Platform newPlatform, Instant at, String by) {
        return new Resource(id, routerId, kind, configuration, validation, deployment, runtime, telemetry,
                metadata.next(at, by), relationships, newPlatform);
    }

    public Resource withTagsAndDescription(List<String> tags, String description, Instant at, String by) {
        return new Resource(id, routerId, kind, configuration, validation, deployment, runtime, telemetry,
                metadata.next(at, by).withTags(tags).withDescription(description), relationships, platform);
    }

    /** Observation: does not change the version. */
    public Resource withRuntime(Optional<RuntimeState> newRuntime) {
        return new Resource(id, routerId, kind, configuration, validation, deployment, newRuntime, telemetry,
                metadata, relationships, platform);
    }

    /** Observation: does not change the version. */
    public Resource withTelemetry(Telemetry newTelemetry) {
        return new Resource(id, routerId, kind, configuration, validation, deployment, runtime, newTelemetry,
                metadata, relationships, platform);
    }

    /** As stored by the store: dependents are derived, so a reader fills them in. */
    public Resource withDependents(java.util.Set<ResourceId> dependents) {
        return new Resource(id, routerId, kind, configuration, validation, deployment, runtime, telemetry,
                metadata, new Relationships(relationships.dependsOn(), dependents), platform);
    }

    /** The event-sourced part only: no runtime, no telemetry, no derived dependents. */
    public Resource intentAndReality() {
        return new Resource(id, routerId, kind, configuration, validation, deployment, Optional.empty(),
                Telemetry.EMPTY, metadata, new Relationships(relationships.dependsOn(), java.util.Set.of()), platform);
    }
}
