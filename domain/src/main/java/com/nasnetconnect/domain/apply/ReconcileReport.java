package com.nasnetconnect.domain.apply;

import java.util.List;

/**
 * What reconciling a router did: the revert scripts of uncommitted applies it ran (router restored to the
 * stored state), the ones of committed applies it only removed, and the drift found afterwards.
 */
public record ReconcileReport(List<String> revertedScripts, List<String> finishedScripts, List<DriftReport> drift) {
    public ReconcileReport {
        revertedScripts = List.copyOf(revertedScripts);
        finishedScripts = List.copyOf(finishedScripts);
        drift = List.copyOf(drift);
    }

    public boolean consistent() {
        return drift.stream().noneMatch(DriftReport::drifted);
    }
}
