package com.nasnetconnect.domain.state;

import java.util.Objects;

/** One change inside a {@link ChangeSet}: put a resource's next version, or delete it. */
public sealed interface ResourceChange {
    ResourceId id();

    /**
     * Stores {@code resource}. For {@link ChangeType#createsResource()} types its version must be 1 and the id
     * new; otherwise its version must be the stored version + 1.
     */
    record Put(Resource resource, ChangeType type) implements ResourceChange {
        public Put {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(type, "type");
            if (type == ChangeType.DELETED) throw new IllegalArgumentException("use ResourceChange.Delete to delete " + resource.id());
            if (type.createsResource() && resource.metadata().version() != 1) {
                throw new IllegalArgumentException(type + " of " + resource.id() + " needs version 1, got " + resource.metadata().version());
            }
        }

        @Override
        public ResourceId id() {
            return resource.id();
        }
    }

    /** Deletes the resource if its stored version is {@code expectedVersion}. Its history is kept. */
    record Delete(ResourceId id, long expectedVersion) implements ResourceChange {
        public Delete {
            Objects.requireNonNull(id, "id");
            if (expectedVersion < 1) throw new IllegalArgumentException("expected version must be >= 1: " + expectedVersion);
        }
    }
}
