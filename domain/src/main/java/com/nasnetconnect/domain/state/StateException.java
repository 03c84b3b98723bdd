package com.nasnetconnect.domain.state;

/** A state operation could not be done. Subclasses say why; messages name the resource and router. */
public sealed class StateException extends RuntimeException
        permits StateException.NotFound, StateException.Conflict, StateException.Storage, StateException.HasDependents {

    StateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The resource (or router database) does not exist. */
    public static final class NotFound extends StateException {
        public NotFound(String message) { super(message, null); }
    }

    /** Optimistic concurrency: the stored version is not the one the change expected, or the id exists already. */
    public static final class Conflict extends StateException {
        public Conflict(String message) { super(message, null); }
    }

    /**
     * The router's database cannot be used (I/O error, corrupt, quarantined). Other routers are unaffected.
     * {@link #quarantined()} tells whether the file was moved aside.
     */
    public static sealed class Storage extends StateException permits Quarantined {
        private final boolean quarantined;

        public Storage(String message, boolean quarantined, Throwable cause) {
            super(message, cause);
            this.quarantined = quarantined;
        }

        public boolean quarantined() { return quarantined; }
    }

    /**
     * The router's database is quarantined: it was damaged and moved aside, and is refused until an
     * administrator releases it. The message is for users ({@link DatabaseHealth.QuarantinedDatabase#problem()}):
     * it names the router by its name and the time, never a server path.
     */
    public static final class Quarantined extends Storage {
        private final DatabaseHealth.QuarantinedDatabase database;

        public Quarantined(DatabaseHealth.QuarantinedDatabase database, Throwable cause) {
            super(database.problem(), true, cause);
            this.database = database;
        }

        public DatabaseHealth.QuarantinedDatabase database() { return database; }
    }

    /** A delete was refused because other resources depend on the target; {@link #impact()} lists them. */
    public static final class HasDependents extends StateException {
        private final Impact impact;

        public HasDependents(Impact impact) {
            super("cannot delete " + impact.target() + ": " + impact.affected().size() + " resources depend on it ("
                    + impact.affected().stream().limit(10).map(ImpactedResource::name).toList()
                    + (impact.affected().size() > 10 ? ", …" : "") + "); delete them first or ask for cascade", null);
            this.impact = impact;
        }

        public Impact impact() { return impact; }
    }
}
