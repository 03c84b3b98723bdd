package com.nasnetconnect.domain.apply;

import java.util.Objects;

/** One requested change: create-or-update a resource, or delete it. */
public sealed interface Change {
    String resourceId();

    /** Create the resource if it is new, or bring the router's object to this configuration. */
    record Upsert(DesiredResource resource) implements Change {
        public Upsert {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String resourceId() {
            return resource.id();
        }
    }

    /** Remove the resource from the router and the store. */
    record Delete(String resourceId) implements Change {
        public Delete {
            if (resourceId == null || resourceId.isBlank()) throw new IllegalArgumentException("resource id is blank");
        }
    }

    static Change upsert(DesiredResource resource) {
        return new Upsert(resource);
    }

    static Change delete(String resourceId) {
        return new Delete(resourceId);
    }
}
