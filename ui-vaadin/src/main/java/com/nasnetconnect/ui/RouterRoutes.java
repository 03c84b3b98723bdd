package com.nasnetconnect.ui;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Locale;
import java.util.Optional;

/**
 * The URLs of the router workspace, in one place (integrations and checks rely on them):
 * {@code /} fleet dashboard, {@code /routers/add}, {@code /routers/{id}} overview,
 * {@code /routers/{id}/{kind}} one page per resource kind (kind in lower case with dashes: {@code vlan},
 * {@code bridge-port}, {@code wireguard-peer} …), {@code /routers/{id}/services}, {@code /routers/{id}/events}.
 * Paths are returned without the leading slash, as Vaadin's navigation takes them.
 */
public final class RouterRoutes {
    /** Route parameter names of the templates below. */
    public static final String ROUTER_ID = "routerId";
    public static final String KIND = "kind";

    /** Route templates, for {@code @Route}. */
    public static final String OVERVIEW_TEMPLATE = "routers/:" + ROUTER_ID;
    public static final String KIND_TEMPLATE = "routers/:" + ROUTER_ID + "/:" + KIND;
    public static final String SERVICES_TEMPLATE = "routers/:" + ROUTER_ID + "/services";
    public static final String EVENTS_TEMPLATE = "routers/:" + ROUTER_ID + "/events";
    public static final String ADD = "routers/add";
    public static final String FLEET = "";

    private RouterRoutes() {
    }

    public static String overview(RouterId router) {
        return "routers/" + router.value();
    }

    public static String kind(RouterId router, ResourceKind kind) {
        return overview(router) + "/" + slug(kind);
    }

    public static String services(RouterId router) {
        return overview(router) + "/services";
    }

    public static String events(RouterId router) {
        return overview(router) + "/events";
    }

    /** {@code BRIDGE_PORT} → {@code bridge-port}. */
    public static String slug(ResourceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code bridge-port} → {@code BRIDGE_PORT}; empty for anything that is not exactly a kind's slug. */
    public static Optional<ResourceKind> kindOf(String slug) {
        if (slug == null) return Optional.empty();
        for (ResourceKind k : ResourceKind.values()) {
            if (slug(k).equals(slug)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
