package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.util.List;

/**
 * Out-port: what apply-confirm-merge needs from the resource store of one router.
 */
@OutPort
public interface ApplyLedger {

    /** Every live (not deleted) resource of the router, with its deployment layer if applied. */
    List<ManagedResource> resources(RouterId router);

    /**
     * Records the merged outcome of one plan: for each change its event and its row, all in ONE transaction.
     * Either everything is written or nothing (then it throws and the caller undoes the router).
     */
    void commit(RouterId router, List<MergedChange> changes);

    /** Stores the drift found by a check on the resources (empty field list: in sync). */
    void recordDrift(RouterId router, List<DriftReport> drifts);
}
