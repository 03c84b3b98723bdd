package com.nasnetconnect.ui.shell;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.RouterRoutes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Headless controller of the frame around every screen: which routers the switcher offers, which router is the
 * current one (it follows navigation: any address under {@code /routers/{id}} makes that router current, the fleet
 * pages leave it as it was), and the navigation of the current router: Overview, Services, Events, then one page
 * per resource kind, grouped as a network person looks for them (Interfaces, IP, Routing, Firewall, Containers).
 * Every link is a {@link RouterRoutes} path; labels come from {@link ResourceLabels#kind}.
 */
public final class ShellController extends HeadlessController<ShellController.State> {

    /** A router the switcher offers. */
    public record RouterChoice(String id, String name) {
        public RouterChoice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** One navigation entry: its words, its path (no leading slash) and an id for tests and checks. */
    public record Link(String id, String label, String path) { }

    /** A titled group of links. */
    public record Section(String title, List<Link> links) {
        public Section {
            links = List.copyOf(links);
        }
    }

    /**
     * @param routers  the routers the switcher offers, in the order they were added
     * @param current  the router the address is in; empty on the fleet pages before any router was chosen
     * @param sections the current router's pages (empty without a current router)
     */
    public record State(List<RouterChoice> routers, Optional<RouterChoice> current, List<Section> sections) {
        public State {
            routers = List.copyOf(routers);
            sections = List.copyOf(sections);
        }
    }

    /** The resource kinds in the groups of the navigation, in order; every kind is in exactly one. */
    static final List<Group> GROUPS = List.of(
            new Group("Interfaces", List.of(ResourceKind.VLAN, ResourceKind.BRIDGE, ResourceKind.BRIDGE_PORT,
                    ResourceKind.BRIDGE_VLAN, ResourceKind.VETH, ResourceKind.WIREGUARD_INTERFACE, ResourceKind.WIREGUARD_PEER)),
            new Group("IP", List.of(ResourceKind.IP_ADDRESS, ResourceKind.IP_POOL, ResourceKind.DHCP_SERVER,
                    ResourceKind.DHCP_NETWORK, ResourceKind.DHCP_CLIENT)),
            new Group("Routing", List.of(ResourceKind.ROUTING_TABLE, ResourceKind.ROUTE, ResourceKind.ROUTING_RULE)),
            new Group("Firewall", List.of(ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_NAT,
                    ResourceKind.FIREWALL_MANGLE, ResourceKind.ADDRESS_LIST_ENTRY)),
            new Group("Containers", List.of(ResourceKind.CONTAINER, ResourceKind.CONTAINER_ENV, ResourceKind.CONTAINER_MOUNT)));

    record Group(String title, List<ResourceKind> kinds) { }

    /** The name shown for an address under {@code /routers/{id}} whose router is not managed (any more). */
    public static final String UNKNOWN_ROUTER = "Unknown router";

    private final Supplier<List<RouterChoice>> routers;

    /** @param routers the managed routers, asked again at each navigation (a router just added is offered at once) */
    public ShellController(Supplier<List<RouterChoice>> routers) {
        Objects.requireNonNull(routers, "routers");
        super(new State(List.of(), Optional.empty(), List.of()));
        this.routers = routers;
    }

    /**
     * User intent: the browser shows {@code path} (no leading slash, as Vaadin reports it). Under
     * {@code routers/{id}} that router becomes current; elsewhere the current router stays.
     */
    public void navigated(String path) {
        List<RouterChoice> offered = routers.get();
        Optional<String> in = routerIn(path);
        update(s -> {
            Optional<RouterChoice> current = in.map(id -> offered.stream().filter(r -> r.id().equals(id)).findFirst()
                            .orElse(new RouterChoice(id, UNKNOWN_ROUTER)))
                    .or(() -> s.current().map(c -> offered.stream().filter(r -> r.id().equals(c.id())).findFirst()
                            .orElse(null)));
            State next = new State(offered, current, current.map(c -> sections(new RouterId(c.id()))).orElse(List.of()));
            return next.equals(s) ? s : next;
        });
    }

    /** User intent: the switcher picked a router. Returns where to go: that router's overview. */
    public String choose(String routerId) {
        Objects.requireNonNull(routerId, "routerId");
        String target = RouterRoutes.overview(new RouterId(routerId));
        navigated(target);
        return target;
    }

    /** The router id of a workspace address, e.g. {@code routers/r1/vlan} → r1; not for {@code routers/add}. */
    static Optional<String> routerIn(String path) {
        if (path == null) return Optional.empty();
        String p = path.startsWith("/") ? path.substring(1) : path;
        String[] parts = p.split("/");
        if (parts.length < 2 || !parts[0].equals("routers") || parts[1].isBlank()) return Optional.empty();
        if (p.equals(RouterRoutes.ADD) || p.startsWith(RouterRoutes.ADD + "/")) return Optional.empty();
        return Optional.of(parts[1]);
    }

    /** The pages of one router: its own, then each group of resource kinds. */
    static List<Section> sections(RouterId router) {
        var out = new ArrayList<Section>();
        out.add(new Section("This router", List.of(
                new Link("nav-overview", "Overview", RouterRoutes.overview(router)),
                new Link("nav-services", "Services", RouterRoutes.services(router)),
                new Link("nav-events", "Events", RouterRoutes.events(router)))));
        for (Group g : GROUPS) {
            out.add(new Section(g.title(), g.kinds().stream().map(k -> new Link(NAV_IDS.get(k), LABELS.get(k),
                    RouterRoutes.kind(router, k))).toList()));
        }
        return out;
    }

    /** Every kind's menu id and words, made once: the menu of every open page shares these strings. */
    private static final Map<ResourceKind, String> NAV_IDS = new EnumMap<>(ResourceKind.class);
    private static final Map<ResourceKind, String> LABELS = new EnumMap<>(ResourceKind.class);

    static {
        for (Group g : GROUPS) {
            for (ResourceKind k : g.kinds()) {
                NAV_IDS.put(k, "nav-" + RouterRoutes.slug(k));
                LABELS.put(k, label(k));
            }
        }
    }

    /** A kind as a menu entry: its words, capitalised, in the plural ("VLANs", "IP addresses", "NAT rules"). */
    static String label(ResourceKind kind) {
        String words = ResourceLabels.kind(kind);
        String plural;
        if (words.endsWith("s")) plural = words + "es";
        else if (words.endsWith("y")) plural = words.substring(0, words.length() - 1) + "ies";
        else plural = words + "s";
        return plural.substring(0, 1).toUpperCase(Locale.ROOT) + plural.substring(1);
    }
}
