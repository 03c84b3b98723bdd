package com.nasnetconnect.domain.state;

/** A resource uuid that names no live resource of any managed router. */
public final class NoSuchResource extends IllegalArgumentException {
    private final ResourceId id;

    public NoSuchResource(ResourceId id) {
        super("no resource " + id);
        this.id = id;
    }

    public ResourceId id() {
        return id;
    }
}
