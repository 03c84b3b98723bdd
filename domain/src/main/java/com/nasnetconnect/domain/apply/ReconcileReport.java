package com.nasnetconnect.domain.apply;

import java.util.List;

/**
 * What reconciling a router did: the revert scripts of unconfirmed applies it ran (router restored to the
 * stored state), and the drift found afterwards.
 */
public record ReconcileReport(List<String> revertedScripts, List<DriftReport> drift) {
    public ReconcileReport {
        revertedScripts = List.copyOf(revertedScripts);
        drift = List.copyOf(drift);
    }

    public boolean consistent() {
        return drift.stream().noneMatch(DriftReport::drifted);
    }
}
