package com.nasnetconnect.ui.drawer;

import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.ui.HeadlessController;
import java.util.Objects;
import java.util.Optional;

/**
 * SKELETON (issue 14, branch i14-drawer fills it): the headless side of the resource drawer — the 8 layers of one
 * resource, its history with a time slider and a side-by-side diff with now, drift with "accept router value" /
 * "re-apply mine". The resource page opens it with {@link #open(ResourceId)}.
 */
public final class ResourceDrawerController extends HeadlessController<ResourceDrawerController.State> {
    public record State(Optional<Resource> resource) {
    }

    private final Principal who;
    private final ResourceQueries queries;

    public ResourceDrawerController(Principal who, ResourceQueries queries) {
        super(new State(Optional.empty()));
        this.who = Objects.requireNonNull(who, "who");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** Shows this resource (latest state). */
    public void open(ResourceId id) {
        var found = queries.get(who, id);
        publish(new State(found));
    }

    public void closeDrawer() {
        publish(new State(Optional.empty()));
    }
}
