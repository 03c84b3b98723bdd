package com.nasnetconnect.domain.state;

/** Why a resource changed; recorded on every event. */
public enum ChangeType {
    /** A new resource from user intent (version 1). */
    CREATED,
    /** A new resource imported from an object already on the router (version 1, deployment filled). */
    ADOPTED,
    CONFIGURED,
    VALIDATED,
    /** Deployment layer set from the router's read-back after apply. */
    DEPLOYED,
    /** Deployment layer cleared: the object was removed from the router. */
    UNDEPLOYED,
    DRIFT_CHECKED,
    METADATA_CHANGED,
    RELATIONSHIPS_CHANGED,
    PLATFORM_CHANGED,
    DELETED;

    public boolean createsResource() {
        return this == CREATED || this == ADOPTED;
    }
}
