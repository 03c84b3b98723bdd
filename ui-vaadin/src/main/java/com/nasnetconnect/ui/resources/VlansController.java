package com.nasnetconnect.ui.resources;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ValidationIssue;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceKind;
import com.nasnetconnect.ui.Publisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Headless controller of the VLAN screen: which router is chosen, its VLANs as the router confirmed them, and
 * creating one. Input rules are the schema's (the view binds the same {@code VlanInput} rules GraphQL checks);
 * whatever the router or the apply pipeline refuses comes back as a notice and per-field errors.
 */
public final class VlansController {
    /** One VLAN row: configuration as confirmed, and the router's own id for it. */
    public record Row(String uuid, String name, String vlanId, String iface, String nativeId, String drift) {
    }

    public record State(List<Router> routers, Optional<RouterId> selected, List<Row> vlans, boolean canChange,
                        Optional<String> notice, Map<String, String> fieldErrors) {
        public State {
            routers = List.copyOf(routers);
            vlans = List.copyOf(vlans);
            fieldErrors = Map.copyOf(fieldErrors);
        }
    }

    private final ResourceChanges resources;
    private final Principal who;
    private final Publisher<State> publisher;

    public VlansController(ResourceChanges resources, Principal who) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.who = Objects.requireNonNull(who, "who");
        List<Router> routers = resources.routers(who);
        Optional<RouterId> first = routers.stream().findFirst().map(Router::id);
        this.publisher = new Publisher<>(new State(routers, first, first.map(this::rows).orElse(List.of()),
                who.role().allows(Role.OPERATOR), Optional.empty(), Map.of()));
    }

    public State state() {
        return publisher.state();
    }

    public Publisher.Subscription subscribe(Consumer<State> subscriber) {
        return publisher.subscribe(subscriber);
    }

    /** User intent: show another router's VLANs. */
    public void select(RouterId router) {
        publish(new State(state().routers(), Optional.of(router), rows(router), state().canChange(), Optional.empty(), Map.of()));
    }

    /** User intent: create a VLAN on the selected router. Returns true when the router confirmed it. */
    public boolean create(String name, long vlanId, String iface) {
        if (state().selected().isEmpty()) {
            publish(withNotice("Choose a router first.", Map.of()));
            return false;
        }
        RouterId router = state().selected().get();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("vlanId", vlanId);
        config.put("interface", iface);
        try {
            Resource created = resources.create(who, router, ResourceKind.VLAN, new Fields(config));
            publish(new State(state().routers(), state().selected(), rows(router), state().canChange(),
                    Optional.of("VLAN " + name + " created on the router as " + created.deployment().map(d -> d.nativeId()).orElse("?") + "."),
                    Map.of()));
            return true;
        } catch (ApplyException.Invalid invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (ValidationIssue i : invalid.errors()) errors.putIfAbsent(i.field(), i.message());
            publish(withNotice("Nothing was sent to the router: " + String.join("; ", errors.values()), errors));
        } catch (ApplyException refused) {
            publish(withNotice(refused.getMessage(), Map.of()));
        } catch (AccessDeniedException | IllegalArgumentException e) {
            publish(withNotice(e.getMessage(), Map.of()));
        }
        return false;
    }

    private State withNotice(String notice, Map<String, String> fieldErrors) {
        return new State(state().routers(), state().selected(), state().vlans(), state().canChange(), Optional.of(notice), fieldErrors);
    }

    private List<Row> rows(RouterId router) {
        return resources.list(who, router, ResourceKind.VLAN).stream().map(VlansController::row).toList();
    }

    static Row row(Resource r) {
        Fields c = r.configuration();
        return new Row(r.id().toString(), c.string("name").orElse(""), c.get("vlanId").map(String::valueOf).orElse(""),
                c.string("interface").orElse(""), r.deployment().map(d -> d.nativeId()).orElse("not applied"),
                r.deployment().flatMap(d -> d.drift()).map(d -> "drifted").orElse(""));
    }

    private void publish(State next) {
        publisher.publish(next);
    }
}
