package com.nasnetconnect.domain.router;

/**
 * A router id that names no managed router (or is not a router id at all, or the router was removed). The
 * message quotes the id as given: {@code no router 'lab-2'}.
 */
public final class NoSuchRouter extends IllegalArgumentException {
    private final String id;

    public NoSuchRouter(String id) {
        super("no router '" + id + "'");
        this.id = id;
    }

    /** The id as the caller gave it. */
    public String id() {
        return id;
    }
}
