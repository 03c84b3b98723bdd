package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.router.RouterId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: the resources of each router (one database per router). Reads return resources with all eight
 * layers, dependents derived. Every failure to reach a router's storage is a {@link StateException.Storage}.
 */
@OutPort
public interface ResourceStore {

    Optional<Resource> find(RouterId router, ResourceId id);

    /** The resource whose deployment layer holds this router {@code .id} (for drift and adopt). */
    Optional<Resource> findByNativeId(RouterId router, ResourceKind kind, String nativeId);

    /** Resources in a stable order (creation order), optionally of one kind, a page at a time. */
    Page<Resource> list(RouterId router, Optional<ResourceKind> kind, PageRequest page);

    /** Every resource (of one kind, or all) of the router in creation order: {@link #list} page after page. */
    default List<Resource> listAll(RouterId router, Optional<ResourceKind> kind) {
        var out = new java.util.ArrayList<Resource>();
        PageRequest request = PageRequest.first(PageRequest.MAX);
        while (true) {
            var page = list(router, kind, request);
            out.addAll(page.items());
            if (!page.hasNextPage() || page.endCursor().isEmpty()) return out;
            request = request.after(page.endCursor().get());
        }
    }

    /** The direct dependents: resources whose {@code dependsOn} contains {@code id}, in creation order. */
    Set<ResourceId> dependents(RouterId router, ResourceId id);

    /**
     * Commits all changes of the set in one transaction: each writes its event and its row, or nothing is
     * written at all. Returns the events in order.
     *
     * @throws StateException.Conflict when a version does not match, or a created id exists
     * @throws StateException.NotFound when an updated or deleted resource does not exist
     */
    List<ResourceEvent> commit(ChangeSet changes);

    /**
     * Records an observation: the runtime layer's latest value and, if given, one telemetry sample. Creates no
     * event and does not change the version.
     */
    void observe(RouterId router, ResourceId id, RuntimeState runtime, Optional<TelemetrySample> sample);
}
