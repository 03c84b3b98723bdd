package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Listens to router status updates (e.g. {@code RouterMonitor.subscribe}) and reconciles a router
 * ({@link ApplyConfirmMergeService#reconcile}) when it is first seen reachable (server start) and every time it
 * becomes reachable again after being unreachable. Reconciling runs on its own virtual thread, so the status
 * feed is never blocked; a failing reconcile is logged and retried on the next reconnect.
 */
public final class ReconcileOnReconnect implements Consumer<List<RouterStatus>> {
    private static final System.Logger LOG = System.getLogger(ReconcileOnReconnect.class.getName());
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final Map<RouterId, Boolean> reachable = new ConcurrentHashMap<>();
    private final Consumer<ReconcileReport> onReport;

    public ReconcileOnReconnect(ApplyConfirmMergeService apply, RouterRepository routers) {
        this(apply, routers, report -> { });
    }

    public ReconcileOnReconnect(ApplyConfirmMergeService apply, RouterRepository routers, Consumer<ReconcileReport> onReport) {
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.onReport = Objects.requireNonNull(onReport, "onReport");
    }

    @Override
    public void accept(List<RouterStatus> statuses) {
        for (RouterStatus s : statuses) {
            Boolean was = reachable.put(s.routerId(), s.reachable());
            if (s.reachable() && !Boolean.TRUE.equals(was)) {
                routers.find(s.routerId()).ifPresent(router -> Thread.ofVirtual().name("reconcile-" + router.id()).start(() -> {
                    try {
                        onReport.accept(apply.reconcile(router));
                    } catch (RuntimeException e) {
                        reachable.put(router.id(), false); // try again on the next status update
                        LOG.log(System.Logger.Level.WARNING, "reconciling router " + router.id() + " failed: " + e.getMessage());
                    }
                }));
            }
        }
    }
}
