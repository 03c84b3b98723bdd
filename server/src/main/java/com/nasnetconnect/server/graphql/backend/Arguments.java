package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.NewRouter;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.AddRouterInput;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.ResourceId;
import java.util.LinkedHashMap;
import java.util.Optional;

/** GraphQL arguments as the domain's values. A text that is no id names nothing, as an unknown id does. */
final class Arguments {
    private Arguments() {
    }

    static Optional<RouterId> routerId(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(new RouterId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @throws NoSuchRouter when the text is no router id */
    static RouterId requireRouterId(String id) {
        return routerId(id).orElseThrow(() -> new NoSuchRouter(id));
    }

    static Optional<ResourceId> resourceId(String uuid) {
        try {
            return Optional.of(ResourceId.parse(uuid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A typed input as configuration fields: RouterOS-ready text in domain field names; absent fields left out. */
    static Fields fields(Object input) {
        return new Fields(new LinkedHashMap<>(GraphQlMapper.desired(input)));
    }

    /** The API port is RouterOS's default unless given; a missing password is an empty one. */
    static NewRouter newRouter(AddRouterInput in) {
        return new NewRouter(in.getName(), in.getHost(), in.getPort() == null ? NewRouter.API_PORT : in.getPort(),
                Boolean.TRUE.equals(in.getTls()), in.getUsername(), Secret.of(in.getPassword() == null ? "" : in.getPassword()));
    }
}
